import { useState } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Segmented } from 'antd';
import { EditOutlined, FileWordOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { NoticeKind, NoticeTemplateOutput } from '@keyprojects/core';
import { noticeDocxUrl, noticeKeys, saveNoticeTemplate, useNotice, useNoticeTemplates } from '../../api/notices.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { BulletinDocument } from '../bulletins/BulletinDocument.tsx';
import { TemplateEditor } from '../bulletins/TemplateEditor.tsx';
import { NoticeFigures } from './NoticeFigures.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** 通报: the daily notice or the weekly dispatch report for a date (default the app's today); the city edits the templates. */
export default function NoticePage() {
  const t = useT();
  const { can, today } = useSession();
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const kind: NoticeKind = searchParams.get('kind') === 'daily' ? 'daily' : 'weekly';
  const dateParam = searchParams.get('date');
  const date = dateParam && DATE.test(dateParam) ? dateParam : today;
  const notice = useNotice(kind, date);
  const editable = can('notice.template.edit');
  const templates = useNoticeTemplates(editable);
  const [editing, setEditing] = useState<NoticeTemplateOutput | null>(null);
  if (!can('notice.read')) return <Forbidden />;

  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) next.set(key, value);
    setSearchParams(next);
  };
  const template = templates.data?.items.find((item) => item.kind === kind && item.isDefault);
  const reload = () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
  const data = notice.data;
  const document = (
    <BulletinDocument bulletin={data && { ...data, asOf: data.to }} loading={notice.isFetching} error={notice.error} />
  );

  return (
    <div className="kp-page">
      <PageHeader
        title={t('notice.title')}
        sub={t('notice.sub')}
        extra={
          <>
            {editable && !editing && (
              <Button icon={<EditOutlined />} disabled={!template} onClick={() => setEditing(template ?? null)}>
                {t('notice.editTemplate')}
              </Button>
            )}
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              href={date ? noticeDocxUrl(kind, date) : undefined}
              disabled={!date}
            >
              {t('notice.docx')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Segmented<NoticeKind>
            value={kind}
            onChange={(value) => {
              setEditing(null);
              update({ kind: value });
            }}
            options={[
              { value: 'daily', label: t('notice.daily') },
              { value: 'weekly', label: t('notice.weekly') },
            ]}
          />
          <DatePicker
            value={date ? dayjs(date) : null}
            allowClear={false}
            aria-label={t('notice.date')}
            onChange={(value: dayjs.Dayjs | null) => value && update({ date: value.format('YYYY-MM-DD') })}
          />
        </Flex>
      </Card>
      {data && <NoticeFigures figures={data.figures} />}
      {editing && templates.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={13}>
            <TemplateEditor
              key={`${editing.id}:${editing.version}`}
              template={editing}
              placeholders={templates.data.placeholders}
              groups={templates.data.groups}
              previewError={null}
              onBodyChange={() => undefined}
              save={saveNoticeTemplate}
              onSaved={(saved) => {
                setEditing({ ...editing, ...saved });
                reload();
              }}
              onReload={() => {
                void templates.refetch().then((result) => {
                  const latest = result.data?.items.find((item) => item.id === editing.id);
                  if (latest) setEditing(latest);
                });
              }}
              onClose={() => setEditing(null)}
            />
          </Col>
          <Col xs={24} xl={11}>
            {document}
          </Col>
        </Row>
      ) : (
        document
      )}
    </div>
  );
}

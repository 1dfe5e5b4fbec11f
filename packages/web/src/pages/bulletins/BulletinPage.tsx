import { useState } from 'react';
import { Button, Card, Col, Flex, Grid, Row, Select } from 'antd';
import { EditOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { BulletinOutput, BulletinQuery, BulletinTemplateOutput, BulletinTemplatesOutput } from '@keyprojects/core';
import { bulletinFileUrl, bulletinKeys, useBulletinPreview, useBulletinTemplates } from '../../api/bulletins.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useDebounced } from '../../lib/useDebounced.ts';
import { useSession } from '../../session/useSession.ts';
import { DashboardFilters } from '../dashboard/DashboardFilters.tsx';
import { BulletinDocument } from './BulletinDocument.tsx';
import { TemplateEditor } from './TemplateEditor.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const REGION = /^\d{6}$/;
/** Long enough that a typist's pauses, not each key, ask for a new preview. */
const PREVIEW_DELAY_MS = 400;

/** 通报: the bulletin as of a date (default the app's today) for a region, by a template; editable by the city. */
export default function BulletinPage() {
  const t = useT();
  const { can, today } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const templates = useBulletinTemplates();
  const [editing, setEditing] = useState<BulletinTemplateOutput | null>(null);
  const [draftBody, setDraftBody] = useState<string | undefined>(undefined);
  const debouncedBody = useDebounced(draftBody, PREVIEW_DELAY_MS);

  const asOfParam = searchParams.get('asOf');
  const regionParam = searchParams.get('regionCode');
  const templateParam = Number(searchParams.get('templateId'));
  const asOf = asOfParam && DATE.test(asOfParam) ? asOfParam : (today ?? null);
  const regionCode = regionParam && REGION.test(regionParam) ? regionParam : undefined;
  const items = templates.data?.items ?? [];
  const template = items.find((item) => item.id === templateParam) ?? items.find((item) => item.isDefault) ?? items[0];
  const scope: BulletinQuery | null = asOf ? { asOf, regionCode, templateId: template?.id } : null;
  const preview = useBulletinPreview(scope, editing ? debouncedBody : undefined);
  // While a draft has an error, the page keeps showing the last bulletin that could be written.
  const [lastGood, setLastGood] = useState<BulletinOutput | undefined>(undefined);
  if (preview.data && preview.data !== lastGood) setLastGood(preview.data);

  if (!can('bulletin.read')) return <Forbidden />;

  const updateSearch = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearchParams(next);
  };
  const handleFilters = (patch: { asOf?: string; regionCode?: string | undefined }) => updateSearch(patch);
  const handleTemplate = (id: number) => {
    setEditing(null);
    setDraftBody(undefined);
    updateSearch({ templateId: String(id) });
  };
  const handleEdit = () => {
    if (!template) return;
    setEditing(template);
    setDraftBody(template.body);
  };
  const handleClose = () => {
    setEditing(null);
    setDraftBody(undefined);
  };
  const replaceTemplate = (saved: BulletinTemplateOutput) =>
    queryClient.setQueryData<BulletinTemplatesOutput>(bulletinKeys.templates, (old) =>
      old ? { ...old, items: old.items.map((item) => (item.id === saved.id ? saved : item)) } : old,
    );
  const handleSaved = (saved: BulletinTemplateOutput) => {
    replaceTemplate(saved);
    setEditing(saved);
    setDraftBody(saved.body);
  };
  const handleReload = () => {
    void templates.refetch().then((result) => {
      const latest = result.data?.items.find((item) => item.id === editing?.id);
      if (latest) {
        setEditing(latest);
        setDraftBody(latest.body);
      }
    });
  };

  const document = (
    <BulletinDocument
      bulletin={preview.data ?? (editing ? lastGood : undefined)}
      loading={preview.isFetching}
      error={preview.error}
      // While editing, the error itself is shown at the body field.
      stale={editing !== null && preview.isError}
      caption={editing && asOf ? t('bulletin.livePreview', { asOf }) : undefined}
    />
  );

  return (
    <div className="kp-page">
      <PageHeader
        title={t('bulletin.title')}
        sub={t('bulletin.sub')}
        extra={
          <>
            {can('bulletin.template.edit') && !editing && (
              <Button icon={<EditOutlined />} onClick={handleEdit} disabled={!template}>
                {t('bulletin.editTemplate')}
              </Button>
            )}
            <Button
              icon={<FilePdfOutlined />}
              href={scope ? bulletinFileUrl(scope, 'pdf') : undefined}
              disabled={!scope}
              data-testid="bulletin-pdf"
            >
              {t('bulletin.pdf')}
            </Button>
            <Button
              type="primary"
              icon={<FileWordOutlined />}
              href={scope ? bulletinFileUrl(scope, 'docx') : undefined}
              disabled={!scope}
              data-testid="bulletin-docx"
            >
              {t('bulletin.docx')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <DashboardFilters asOf={asOf} regionCode={regionCode} compact={compact} onChange={handleFilters} />
          <Select
            value={template?.id}
            onChange={handleTemplate}
            loading={templates.isLoading}
            options={items.map((item) => ({
              value: item.id,
              label: item.name,
            }))}
            prefix={<span style={{ color: '#8c8c8c' }}>{t('bulletin.template')}</span>}
            aria-label={t('bulletin.template')}
            style={{ width: compact ? '100%' : 360 }}
            data-testid="bulletin-template"
          />
        </Flex>
      </Card>
      {editing && templates.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={13}>
            <TemplateEditor
              key={`${editing.id}:${editing.version}`}
              template={editing}
              placeholders={templates.data.placeholders}
              groups={templates.data.groups}
              previewError={preview.error}
              onBodyChange={setDraftBody}
              onSaved={handleSaved}
              onReload={handleReload}
              onClose={handleClose}
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

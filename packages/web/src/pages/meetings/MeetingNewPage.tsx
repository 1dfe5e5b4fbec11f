import { useEffect, useState } from 'react';
import { App, Button, Card, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { MEETING_KINDS, MEETING_KIND_LABELS, type MeetingKind } from '@keyprojects/core';
import { createMeeting, meetingKeys, useAgendaPreview } from '../../api/meetings.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AgendaList } from './AgendaList.tsx';

interface FormValues {
  kind: MeetingKind;
  regionCode: string;
  heldOn: dayjs.Dayjs;
  title: string;
  location?: string;
  chair?: string;
  attendees?: string;
}

/** 新建调度会: scope, kind and date, the generated agenda previewed beside the form, then created. */
export default function MeetingNewPage() {
  const { t, label } = useLocale();
  const { can, today, user } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const regions = useScopeRegions();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  // Starts as the user's own region (initialValues).
  const regionCode: string | undefined = Form.useWatch('regionCode', form);
  const heldOn = Form.useWatch('heldOn', form) as dayjs.Dayjs | undefined;
  const kind = Form.useWatch('kind', form) as MeetingKind | undefined;
  const preview = useAgendaPreview(regionCode, heldOn?.format('YYYY-MM-DD'));
  const suggestTitle = () => {
    const region = regions.data?.find((r) => r.code === regionCode)?.name ?? '';
    if (!kind || !heldOn) return;
    form.setFieldValue(
      'title',
      t('meeting.defaultTitle', { region, kind: label(MEETING_KIND_LABELS[kind]), date: heldOn.format('M月D日') }),
    );
  };

  // Once the regions are known, an empty title gets the suggested one (the user may overwrite it).
  const regionsLoaded = regions.data !== undefined;
  useEffect(() => {
    if (regionsLoaded && !form.getFieldValue('title')) suggestTitle();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the regions arrive
  }, [regionsLoaded]);
  if (!can('meeting.manage')) return <Forbidden />;

  const handleFinish = async (values: FormValues) => {
    setSaving(true);
    try {
      const meeting = await createMeeting({ ...values, heldOn: values.heldOn.format('YYYY-MM-DD') });
      await queryClient.invalidateQueries({ queryKey: meetingKeys.all });
      void message.success(t('meeting.created'));
      void navigate(`/meetings/${meeting.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        form.setFields(Object.entries(error.fields).map(([name, text]) => ({ name, errors: [text] })) as never);
      } else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="kp-page">
      <PageHeader title={t('meeting.new')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small">
            <Form
              form={form}
              layout="vertical"
              initialValues={{
                kind: 'weekly_dispatch',
                regionCode: user?.regionCode ?? undefined,
                heldOn: today ? dayjs(today) : undefined,
              }}
              onValuesChange={(changed: Partial<FormValues>) => {
                if ('kind' in changed || 'heldOn' in changed || 'regionCode' in changed) suggestTitle();
              }}
              onFinish={(values) => void handleFinish(values)}
            >
              <Form.Item name="kind" label={t('meeting.kind')} rules={[{ required: true }]}>
                <Select options={MEETING_KINDS.map((k) => ({ value: k, label: label(MEETING_KIND_LABELS[k]) }))} />
              </Form.Item>
              <Form.Item name="regionCode" label={t('meeting.region')} rules={[{ required: true }]}>
                <Select
                  loading={regions.isLoading}
                  options={(regions.data ?? []).map((r) => ({ value: r.code, label: r.name }))}
                />
              </Form.Item>
              <Form.Item name="heldOn" label={t('meeting.heldOn')} rules={[{ required: true }]}>
                {/* Enter confirms a typed date; it must not also submit the form and create the meeting. */}
                <DatePicker
                  style={{ width: '100%' }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.preventDefault();
                  }}
                />
              </Form.Item>
              <Form.Item name="title" label={t('meeting.name')} rules={[{ required: true, max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="location" label={t('meeting.location')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item name="chair" label={t('meeting.chair')}>
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name="attendees" label={t('meeting.attendees')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} block>
                {t('meeting.create')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            data-testid="agenda-preview"
            title={t('meeting.agendaPreview', { count: preview.data?.items.length ?? 0 })}
          >
            <AgendaList items={preview.data?.items ?? []} loading={preview.isFetching} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}

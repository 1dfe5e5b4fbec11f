import { useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { LifecycleTemplateSummary } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { saveLifecycleSettings, useLifecycleSettings, useLifecycleTemplates } from '../../api/lifecycle.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { LifecycleTemplateEditor } from './LifecycleTemplateEditor.tsx';

/** 生命周期模板: the city administrator's templates (list, editor) and the back-dating window of transitions. */
export default function LifecycleSettingsPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const { message } = App.useApp();
  const templates = useLifecycleTemplates();
  const settings = useLifecycleSettings();
  const [windowDays, setWindowDays] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);
  /** The template open in the editor: its id, 'new', or null when closed. */
  const [editing, setEditing] = useState<number | 'new' | null>(null);

  if (!can('lifecycle.configure')) return <Forbidden />;
  if (templates.isError)
    return <RetryAlert message={templates.error.message} onRetry={() => void templates.refetch()} />;

  const handleSaveSettings = async () => {
    if (!settings.data || windowDays === null) return;
    setSaving(true);
    try {
      await saveLifecycleSettings({ backdateWindowDays: windowDays, version: settings.data.version });
      await settings.refetch();
      setWindowDays(null);
      void message.success(t('lifecycle.settings.saved'));
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const columns = [
    {
      title: t('lifecycle.template.name'),
      key: 'name',
      render: (_: unknown, row: LifecycleTemplateSummary) => (
        <Space size={4} wrap>
          <span>{label(row.name)}</span>
          {row.isDefault && <Tag color="blue">{t('lifecycle.template.default')}</Tag>}
          {row.superseded && <Tag>{t('lifecycle.template.superseded')}</Tag>}
          {row.retired && <Tag color="red">{t('lifecycle.template.retired')}</Tag>}
        </Space>
      ),
    },
    { title: t('lifecycle.template.code'), dataIndex: 'code', key: 'code', responsive: ['md' as const] },
    {
      title: t('lifecycle.template.version'),
      key: 'version',
      render: (_: unknown, r: LifecycleTemplateSummary) => `v${r.version}`,
    },
    {
      title: t('lifecycle.template.size'),
      key: 'size',
      responsive: ['sm' as const],
      render: (_: unknown, r: LifecycleTemplateSummary) => `${r.stageCount} / ${r.stepCount}`,
    },
    { title: t('lifecycle.template.inUse'), dataIndex: 'inUse', key: 'inUse', align: 'right' as const },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, r: LifecycleTemplateSummary) =>
        !r.superseded && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(r.id)}>
            {t('lifecycle.template.edit')}
          </Button>
        ),
    },
  ];

  return (
    <div className="kp-page">
      <PageHeader
        title={t('lifecycle.settings.title')}
        sub={t('lifecycle.settings.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('lifecycle.template.new')}
          </Button>
        }
      />
      <Flex vertical gap={12}>
        <Card size="small" title={t('lifecycle.settings.window')}>
          <Flex gap={8} wrap align="center">
            <InputNumber
              aria-label={t('lifecycle.settings.window')}
              min={0}
              max={3650}
              precision={0}
              value={windowDays ?? settings.data?.backdateWindowDays ?? null}
              onChange={(value) => setWindowDays(value)}
            />
            <Button disabled={windowDays === null} loading={saving} onClick={() => void handleSaveSettings()}>
              {t('lifecycle.settings.save')}
            </Button>
            <Typography.Text type="secondary">{t('lifecycle.settings.windowHelp')}</Typography.Text>
          </Flex>
        </Card>
        <Card size="small" title={t('lifecycle.templates')}>
          <Table<LifecycleTemplateSummary>
            rowKey="id"
            size="small"
            loading={templates.isLoading}
            dataSource={templates.data?.items ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
        </Card>
      </Flex>
      <LifecycleTemplateEditor target={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

import { Alert, Card, Empty, Flex, Spin, Tag, Timeline, Typography, type TimelineProps } from 'antd';
import { useProjectAudit } from '../../api/projects.ts';
import { useCodelists } from '../../api/reference.ts';
import { AuditChanges } from './AuditChanges.tsx';
import { useLocale } from '../../i18n/useT.ts';
import type { AuditFormatContext } from '../../lib/auditFormat.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { codeText } from '../admin/auditLabels.ts';

/** Colours of the actions a project's history shows most; other actions keep the timeline's default. */
const ACTION_COLORS: Partial<Record<string, string>> = { create: 'green', update: 'blue', delete: 'red' };

/** Who changed what and when, from where: the project's audit trail, newest first. */
export function AuditHistory({ projectId }: { projectId: number }) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const audit = useProjectAudit(projectId);
  const ctx: AuditFormatContext = { codelists, locale, t };
  const entries = [...(audit.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));

  const items: TimelineProps['items'] = entries.map((entry) => ({
    key: entry.id,
    color: ACTION_COLORS[entry.action],
    content: (
      <div data-testid="audit-entry">
        <Flex wrap gap={8} align="center">
          <Typography.Text strong className="kp-nowrap">
            <AppTime at={entry.at} effective={entry.effectiveAt.at} />
          </Typography.Text>
          <Tag color={ACTION_COLORS[entry.action]} style={{ marginInlineEnd: 0 }}>
            {codeText(t, 'audit.action', entry.action)}
          </Tag>
          <Typography.Text>
            {entry.actorLabel}
            {entry.actorName && entry.actorUsername && (
              <Typography.Text type="secondary">（{entry.actorUsername}）</Typography.Text>
            )}
          </Typography.Text>
          {entry.ip && (
            <Typography.Text type="secondary" className="kp-nowrap">
              {t('audit.ip')} {entry.ip}
            </Typography.Text>
          )}
        </Flex>
        <AuditChanges entry={entry} ctx={ctx} />
      </div>
    ),
  }));

  return (
    <Card
      title={t('detail.audit')}
      size="small"
      data-testid="audit-history"
      extra={
        audit.data && <Typography.Text type="secondary">{t('audit.items', { count: entries.length })}</Typography.Text>
      }
    >
      {audit.isLoading && <Spin />}
      {audit.isError && <Alert type="error" showIcon title={audit.error.message} />}
      {audit.isSuccess && entries.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} />
      )}
      {entries.length > 0 && <Timeline items={items} style={{ marginTop: 8 }} />}
    </Card>
  );
}

import { Descriptions, Typography } from 'antd';
import type { AuditItem } from '@keyprojects/core';
import { useLocale } from '../../i18n/useT.ts';
import { auditFieldLabel } from '../../lib/auditFormat.ts';
import { auditValueText } from './auditLabels.ts';

/** An audit row opened: its entity, client and each changed field as before → after. */
export function AuditRowDetail({ item }: { item: AuditItem }) {
  const { t, label, locale } = useLocale();
  if (item.changes.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('audit.detail')}
      data-testid="audit-detail"
      items={item.changes.map((change) => ({
        key: change.field,
        label: auditFieldLabel(change.field, locale),
        children: (
          <span style={{ wordBreak: 'break-word' }}>
            {item.action !== 'create' && (
              <>
                <Typography.Text type="secondary" delete>
                  {auditValueText(change.field, change.before, t, label)}
                </Typography.Text>
                {' → '}
              </>
            )}
            <Typography.Text strong>{auditValueText(change.field, change.after, t, label)}</Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

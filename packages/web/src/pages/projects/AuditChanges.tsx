import { Typography } from 'antd';
import type { AuditItem } from '@keyprojects/core';
import { auditFieldLabel, formatAuditValue, type AuditFormatContext } from '../../lib/auditFormat.ts';

/** The changed fields of one audit entry as "field: before → after". */
export function AuditChanges({ entry, ctx }: { entry: AuditItem; ctx: AuditFormatContext }) {
  if (entry.changes.length === 0) return null;
  return (
    <ul style={{ margin: '6px 0 0', paddingInlineStart: 18 }}>
      {entry.changes.map((change) => (
        <li key={change.field} style={{ wordBreak: 'break-word' }} data-testid="audit-change">
          <Typography.Text strong>{auditFieldLabel(change.field, ctx.locale)}</Typography.Text>
          {ctx.locale === 'zh' ? '：' : ': '}
          {entry.action !== 'create' && (
            <>
              <Typography.Text type="secondary" delete={entry.action === 'update'}>
                {formatAuditValue(change.field, change.before, ctx)}
              </Typography.Text>
              {' → '}
            </>
          )}
          {entry.action !== 'delete' && (
            <Typography.Text>{formatAuditValue(change.field, change.after, ctx)}</Typography.Text>
          )}
        </li>
      ))}
    </ul>
  );
}

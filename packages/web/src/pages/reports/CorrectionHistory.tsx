import { Card, Timeline, Typography } from 'antd';
import type { ReportOutput } from '@keyprojects/core';
import { isMessageId } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';
import { AppTime } from '../../components/AppTime.tsx';

type Correction = ReportOutput['corrections'][number];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, none: string): string {
  if (value === null || value === undefined || value === '') return none;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The corrections recorded on a report of a locked period: when, who, why, and what changed. */
export function CorrectionHistory({ corrections }: { corrections: ReportOutput['corrections'] }) {
  const t = useT();
  const none = t('common.none');

  const changes = (correction: Correction): string[] => {
    const before = isRecord(correction.before) ? correction.before : {};
    const after = isRecord(correction.after) ? correction.after : {};
    return Object.keys(after)
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => {
        const id = `report.field.${key}`;
        const label = isMessageId(id) ? t(id) : key;
        return `${label}: ${text(before[key], none)} → ${text(after[key], none)}`;
      });
  };

  return (
    <Card size="small" title={t('report.corrections', { count: corrections.length })} data-testid="corrections">
      <Timeline
        items={corrections.map((correction, index) => ({
          key: index,
          content: (
            <div>
              <Typography.Text strong>
                <AppTime at={correction.at} effective={correction.effectiveAt.at} />
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{correction.userName ?? none}</Typography.Text>
              <div>
                {t('report.correctionReason')}: {correction.reason}
              </div>
              {changes(correction).map((line) => (
                <div key={line}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {line}
                  </Typography.Text>
                </div>
              ))}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

import { Col, Row, Statistic } from 'antd';
import type { LedgerImportSummary } from '@keyprojects/core';
import type { MessageId } from '../../i18n/translate.ts';
import { useT } from '../../i18n/useT.ts';

const FIGURES: readonly { key: keyof LedgerImportSummary; label: MessageId; color?: string }[] = [
  { key: 'rows', label: 'ledger.summary.rows' },
  { key: 'create', label: 'ledger.summary.create', color: '#389e0d' },
  { key: 'update', label: 'ledger.summary.update', color: '#1d4ed8' },
  { key: 'unchanged', label: 'ledger.summary.unchanged' },
  { key: 'skipped', label: 'ledger.summary.skipped', color: '#d46b08' },
  { key: 'errors', label: 'ledger.summary.errors', color: '#cf1322' },
];

/** The counts of an import: rows, and what they do (complete even when the row list is cut short). */
export function ImportSummary({ summary }: { summary: LedgerImportSummary }) {
  const t = useT();
  return (
    <Row gutter={[12, 12]} data-testid="import-summary">
      {FIGURES.map(({ key, label, color }) => (
        <Col key={key} xs={8} md={4}>
          <div className="kp-import-stat" data-figure={key}>
            <Statistic
              title={t(label)}
              value={summary[key]}
              styles={{ content: { color: summary[key] > 0 ? color : '#8c8c8c', fontSize: 22 } }}
            />
          </div>
        </Col>
      ))}
    </Row>
  );
}

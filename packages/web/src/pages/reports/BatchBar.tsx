/**
 * The review desk's batch actions: decide the selected reports, or every report matching the filter (the state
 * follows from the decision). Asks first, says that each report is checked on its own, and opens the result.
 */
import { useState } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { CheckOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  reportTransition,
  type ReportBatchInputJson,
  type ReportBatchResult,
  type ReportListItem,
  type ReportState,
  type Role,
} from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { batchReviewReports } from '../../api/reports.ts';
import { statsKeys } from '../../api/stats.ts';
import { useT } from '../../i18n/useT.ts';
import type { ReviewState } from './reviewParams.ts';

type Decision = ReportBatchInputJson['decision'];
const FROM: Record<Decision, ReportState> = { approve: 'submitted', confirm: 'approved' };

interface Props {
  role: Role;
  state: ReviewState;
  selected: readonly ReportListItem[];
  /** How many reports of the filter (before the state tab) are in each state. */
  counts: Partial<Record<ReportListItem['state'], number>>;
  onDone: (result: ReportBatchResult) => void;
  onClear: () => void;
}

/** Whether the role may take the decision at all (district staff approve, the city also confirms). */
export const mayDecide = (role: Role, decision: Decision) => reportTransition(FROM[decision], decision, role).ok;

/** Whether the role may decide a report in this state in a batch (the rows it can tick). */
export const batchable = (role: Role, state: ReportListItem['state']) =>
  (['approve', 'confirm'] as const).some((d) => FROM[d] === state && mayDecide(role, d));

export function BatchBar({ role, state, selected, counts, onDone, onClear }: Props) {
  const t = useT();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);

  const run = async (key: string, body: ReportBatchInputJson) => {
    setBusy(key);
    try {
      const result = await batchReviewReports(body);
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void queryClient.invalidateQueries({ queryKey: statsKeys.all });
      onDone(result);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };
  const ask = (key: string, decision: Decision, count: number, body: ReportBatchInputJson) =>
    modal.confirm({
      title: t(`desk.batch.askTitle.${decision}`, { count }),
      content: t('desk.batch.askBody'),
      okText: t('desk.batch.ok'),
      onOk: () => run(key, body),
    });

  const period = { year: state.year, month: state.month };
  const chosen = (decision: Decision) => selected.filter((item) => item.state === FROM[decision]);
  const handleSelected = (decision: Decision) => () => {
    const items = chosen(decision).map((item) => ({ projectId: item.projectId, version: item.version ?? undefined }));
    ask(`selected-${decision}`, decision, items.length, { ...period, decision, items });
  };
  const handleAll = (decision: Decision) => () => {
    ask(`all-${decision}`, decision, counts[FROM[decision]] ?? 0, {
      ...period,
      decision,
      filter: { regionCode: state.regionCode, q: state.q },
    });
  };

  const decisions = (['approve', 'confirm'] as const).filter((d) => mayDecide(role, d));
  const icon = (d: Decision) => (d === 'approve' ? <CheckOutlined /> : <SafetyCertificateOutlined />);
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} data-testid="batch-bar">
      {selected.length > 0 ? (
        <>
          <Typography.Text strong>{t('desk.batch.selected', { count: selected.length })}</Typography.Text>
          {decisions.map((d) => (
            <Button
              key={d}
              type="primary"
              icon={icon(d)}
              disabled={chosen(d).length === 0}
              loading={busy === `selected-${d}`}
              onClick={handleSelected(d)}
            >
              {t(`desk.batch.${d}`, { count: chosen(d).length })}
            </Button>
          ))}
          <Button type="link" onClick={onClear}>
            {t('desk.batch.clear')}
          </Button>
        </>
      ) : (
        <Typography.Text type="secondary">{t('desk.batch.hint')}</Typography.Text>
      )}
      {decisions
        .filter((d) => state.state === FROM[d] && (counts[FROM[d]] ?? 0) > 0)
        .map((d) => (
          <Button key={`all-${d}`} icon={icon(d)} loading={busy === `all-${d}`} onClick={handleAll(d)}>
            {t(`desk.batch.${d}All`, { count: counts[FROM[d]] ?? 0 })}
          </Button>
        ))}
    </Flex>
  );
}

/**
 * The draft's nodes as an editable table (dates, responsible unit and person), saved whole with If-Match on the
 * draft's row version. A 412 (someone else saved first) reloads the plan and keeps the user's rows on screen, so
 * nothing typed is lost: they can save again over the new version or discard their changes.
 */
import { App as AntApp, Alert, Button, DatePicker, Flex, Input, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { toPlanNodeInput, type PlanNodeInput, type PlanOutput } from '@keyprojects/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { saveDraft, useInvalidatePlans } from '../../api/plans.ts';
import { useResponsibleUnits } from '../../api/problems.ts';
import { useT } from '../../i18n/useT.ts';

type EditRow = PlanNodeInput;

const rowsOf = (draft: PlanOutput): EditRow[] => draft.nodes.map(toPlanNodeInput);

interface ProjectPlanDraftEditorProps {
  projectId: number;
  draft: PlanOutput;
  onDone: () => void;
}

/** Edits the draft in place; `draft` follows the server (its row version is what the next save names). */
export function ProjectPlanDraftEditor({ projectId, draft, onDone }: ProjectPlanDraftEditorProps) {
  const t = useT();
  const { message } = AntApp.useApp();
  const invalidate = useInvalidatePlans();
  const units = useResponsibleUnits(true);
  const [rows, setRows] = useState<EditRow[]>(() => rowsOf(draft));
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);

  const patch = (key: string, change: Partial<EditRow>) =>
    setRows((current) => current.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const handleSave = async () => {
    setSaving(true);
    try {
      const targetDate = rows.reduce((max, r) => (r.plannedEnd > max ? r.plannedEnd : max), draft.targetDate);
      await saveDraft(projectId, { targetDate, reason: draft.reason, nodes: rows }, draft.rowVersion);
      void message.success(t('plan.saved'));
      setConflict(false);
      await invalidate();
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setConflict(true);
        await invalidate();
      } else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  const dateCell = (value: string, onChange: (date: string) => void) => (
    <DatePicker
      size="small"
      allowClear={false}
      value={dayjs(value)}
      onChange={(d) => d && onChange(d.format('YYYY-MM-DD'))}
      style={{ width: 130 }}
    />
  );
  const columns: ColumnsType<EditRow> = [
    { title: t('plan.col.node'), dataIndex: 'name', width: 150 },
    {
      title: t('plan.col.start'),
      key: 'start',
      render: (_, r) => dateCell(r.plannedStart, (plannedStart) => patch(r.key, { plannedStart })),
    },
    {
      title: t('plan.col.end'),
      key: 'end',
      render: (_, r) => dateCell(r.plannedEnd, (plannedEnd) => patch(r.key, { plannedEnd })),
    },
    {
      title: t('plan.col.unit'),
      key: 'unit',
      render: (_, r) => (
        <Select
          size="small"
          allowClear
          style={{ width: 180 }}
          value={r.responsibleOrgId ?? undefined}
          loading={units.isLoading}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={(id?: number) => patch(r.key, { responsibleOrgId: id ?? null })}
        />
      ),
    },
    {
      title: t('plan.col.person'),
      key: 'person',
      render: (_, r) => (
        <Input
          size="small"
          style={{ width: 110 }}
          maxLength={100}
          value={r.responsiblePerson ?? ''}
          onChange={(e) => patch(r.key, { responsiblePerson: e.target.value })}
        />
      ),
    },
  ];

  return (
    <div data-testid="plan-draft-editor">
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('plan.draft.conflict')}
          action={
            <Button size="small" onClick={() => (setRows(rowsOf(draft)), setConflict(false))}>
              {t('plan.draft.reload')}
            </Button>
          }
          data-testid="plan-draft-conflict"
        />
      )}
      <Table<EditRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Flex gap={8} justify="end" style={{ marginTop: 12 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={() => void handleSave()} data-testid="plan-draft-save">
          {t('plan.draft.save')}
        </Button>
      </Flex>
    </div>
  );
}

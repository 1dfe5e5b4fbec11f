import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import {
  PROBLEM_ACTION_LABELS,
  PROBLEM_GRADES,
  PROBLEM_GRADE_LABELS,
  type ProblemAction,
  type ProblemActionBodyJson,
  type ProblemDetail,
} from '@keyprojects/core';
import { actOnProblem, useInvalidateProblems, useResponsibleUnits } from '../../api/problems.ts';
import { ApiError } from '../../api/client.ts';
import { useLocale } from '../../i18n/useT.ts';

type Act = Exclude<ProblemAction, 'raise'>;
/** What each action asks for in its dialog. */
const NEEDS: Record<Act, readonly ('unit' | 'reason' | 'grade' | 'note')[]> = {
  assign: ['unit'],
  accept: [],
  return: ['reason'],
  progress: ['note'],
  resolve: ['note'],
  verify: ['grade', 'note'],
  reject: ['reason'],
  reopen: ['reason'],
};

interface Values {
  unitId?: number;
  assigneeName?: string;
  agreedFinalDueOn?: dayjs.Dayjs;
  reason?: string;
  grade?: string;
  note?: string;
}

/** The workflow buttons the viewer may use, each with its dialog (a unit, a reason, a grade, a note). */
export function ProblemActions({ problem }: { problem: ProblemDetail }) {
  const { t, label } = useLocale();
  const { message } = App.useApp();
  const invalidate = useInvalidateProblems();
  const [open, setOpen] = useState<Act | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const units = useResponsibleUnits(problem.actions.includes('assign'));
  const actions = problem.actions.filter((a): a is Act => a !== 'raise');
  const needs = open ? NEEDS[open] : [];

  const submit = async (action: Act, values: Values) => {
    setBusy(true);
    const body: ProblemActionBodyJson = {
      action,
      unitId: values.unitId,
      assigneeName: values.assigneeName,
      agreedFinalDueOn: values.agreedFinalDueOn?.format('YYYY-MM-DD'),
      reason: values.reason,
      grade: values.grade as ProblemActionBodyJson['grade'],
      note: values.note,
    };
    try {
      await actOnProblem(problem.id, body);
      await invalidate();
      void message.success(t('problem.form.done'));
      setOpen(null);
      form.resetFields();
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0)
        form.setFields(
          Object.entries(error.fields).map(([name, text]) => ({ name: name as keyof Values, errors: [text] })),
        );
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('problem.detail.actions')}>
      {actions.length === 0 && <Typography.Text type="secondary">{t('problem.detail.noActions')}</Typography.Text>}
      <Flex wrap gap={8}>
        {actions.map((action) => (
          <Button
            key={action}
            type={action === 'verify' || action === 'resolve' || action === 'accept' ? 'primary' : 'default'}
            danger={action === 'return' || action === 'reject'}
            onClick={() => (NEEDS[action].length === 0 ? void submit(action, {}) : setOpen(action))}
            loading={busy && (open === action || NEEDS[action].length === 0)}
            data-testid={`problem-action-${action}`}
          >
            {label(PROBLEM_ACTION_LABELS[action])}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null && needs.length > 0}
        title={open ? label(PROBLEM_ACTION_LABELS[open]) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(values) => open && void submit(open, values)}>
          {needs.includes('unit') && (
            <>
              <Form.Item name="unitId" label={t('problem.col.unit')} rules={[{ required: true }]}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.isLoading}
                  options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                />
              </Form.Item>
              <Form.Item name="assigneeName" label={t('problem.form.assignee')}>
                <Input maxLength={50} />
              </Form.Item>
              {problem.complexity === 'complex' && (
                <Form.Item name="agreedFinalDueOn" label={t('problem.form.agreed')}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              )}
            </>
          )}
          {needs.includes('grade') && (
            <Form.Item name="grade" label={t('problem.form.grade')} rules={[{ required: true }]}>
              <Select options={PROBLEM_GRADES.map((g) => ({ value: g, label: label(PROBLEM_GRADE_LABELS[g]) }))} />
            </Form.Item>
          )}
          {needs.includes('reason') && (
            <Form.Item name="reason" label={t('problem.form.reason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
          {needs.includes('note') && (
            <Form.Item name="note" label={t('problem.form.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

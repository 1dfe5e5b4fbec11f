/**
 * The project's milestone plan (里程碑计划) on the project page: version info (baseline, current, draft, reason), the
 * Gantt and the node table with delays against the baseline and the plan, and the actions the user's permissions
 * allow (generate backwards, re-plan, edit the draft, approve, mark a node done); the S-curve card follows it.
 */
import { App as AntApp, Button, Card, Empty, Flex, Grid, Popconfirm, Segmented, Space, Tag, Typography } from 'antd';
import type { PlanNodeOutput, PlanOutput, ProjectPlanOutput } from '@keyprojects/core';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { approvePlan, useInvalidatePlans, useProjectPlan } from '../../api/plans.ts';
import { GanttChart } from '../../components/charts/GanttChart.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ProjectPlanDraftEditor } from './ProjectPlanDraftEditor.tsx';
import { ProjectPlanGenerateModal } from './ProjectPlanGenerateModal.tsx';
import { ganttRowsOf, ProjectPlanNodeTable } from './ProjectPlanNodeTable.tsx';
import { ProjectPlanProgressModal } from './ProjectPlanProgressModal.tsx';
import { ProjectSCurveCard } from './ProjectSCurveCard.tsx';

type Shown = 'current' | 'draft';

/** The lines saying which versions exist: the baseline and who approved it, the current plan, the draft, the reason. */
function PlanVersionInfo({ plan }: { plan: ProjectPlanOutput }) {
  const t = useT();
  const { baseline, current, draft } = plan;
  return (
    <Space orientation="vertical" size={0} style={{ marginBottom: 8 }} data-testid="plan-version-info">
      {baseline && (
        <Typography.Text>
          {t('plan.version.baseline', {
            version: baseline.version,
            by: baseline.approvedByName ?? '—',
            at: baseline.effectiveAt.approvedAt?.slice(0, 10) ?? '—',
          })}
        </Typography.Text>
      )}
      {current && (
        <Typography.Text>
          {t('plan.version.current', { version: current.version, target: current.targetDate })}{' '}
          <Typography.Text type="secondary">{t('plan.version.count', { count: plan.versions.length })}</Typography.Text>
        </Typography.Text>
      )}
      {draft && (
        <Typography.Text type="warning">
          {t('plan.version.draft', { version: draft.version, target: draft.targetDate })}
        </Typography.Text>
      )}
      {(draft ?? current)?.reason && (
        <Typography.Text type="secondary">
          {t('plan.version.reason', { reason: (draft ?? current)?.reason ?? '' })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The plan card and the S-curve card of a project. */
export function ProjectPlanCard({ projectId }: { projectId: number }) {
  const t = useT();
  const { can, today } = useSession();
  const { message } = AntApp.useApp();
  const compact = Grid.useBreakpoint().md === false;
  const mayRead = can('plan.read');
  const plan = useProjectPlan(projectId, mayRead);
  const invalidate = useInvalidatePlans();
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState(false);
  const [progressNode, setProgressNode] = useState<PlanNodeOutput | null>(null);
  const [choice, setChoice] = useState<Shown | null>(null);
  const [approving, setApproving] = useState(false);
  if (!mayRead) return null;

  const data = plan.data;
  const shownKind: Shown = choice ?? (data?.draft && !data.current ? 'draft' : 'current');
  const shown: PlanOutput | null =
    (shownKind === 'draft' ? data?.draft : data?.current) ?? data?.current ?? data?.draft ?? null;
  const showingDraft = shown !== null && shown === data?.draft;
  const mayEdit = can('plan.edit');

  const handleApprove = async () => {
    if (!data?.draft) return;
    setApproving(true);
    try {
      await approvePlan(projectId, data.draft.rowVersion);
      void message.success(t('plan.approved'));
      setChoice('current');
      await invalidate();
    } catch (error) {
      void message.error(errorMessage(error));
      await invalidate();
    } finally {
      setApproving(false);
    }
  };

  const actions = (
    <Flex gap={6} wrap justify="end">
      {mayEdit && !data?.draft && (
        <Button
          size="small"
          type={data?.current ? 'default' : 'primary'}
          onClick={() => setGenerating(true)}
          data-testid="plan-generate"
        >
          {t(data?.current ? 'plan.action.replan' : 'plan.action.generate')}
        </Button>
      )}
      {mayEdit && data?.draft && !editing && (
        <Button size="small" onClick={() => (setChoice('draft'), setEditing(true))} data-testid="plan-edit">
          {t('plan.action.edit')}
        </Button>
      )}
      {can('plan.approve') && data?.draft && (
        <Popconfirm
          title={t('plan.action.approveConfirm', { baseline: data.baseline ? '' : t('plan.action.approveBaseline') })}
          onConfirm={() => void handleApprove()}
        >
          <Button size="small" type="primary" loading={approving} data-testid="plan-approve">
            {t('plan.action.approve')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );

  return (
    <>
      <Card size="small" title={t('plan.card.title')} extra={actions} data-testid="project-plan-card">
        {plan.isError && !data && <RetryAlert message={plan.error.message} onRetry={() => void plan.refetch()} />}
        {data && <PlanVersionInfo plan={data} />}
        {data && !shown && <Empty description={t('plan.card.empty')} />}
        {data?.current && data.draft && !editing && (
          <Segmented<Shown>
            size="small"
            style={{ marginBottom: 8 }}
            value={showingDraft ? 'draft' : 'current'}
            onChange={setChoice}
            options={[
              { value: 'current', label: t('plan.showing.current') },
              { value: 'draft', label: t('plan.showing.draft') },
            ]}
          />
        )}
        {shown && (
          <>
            <GanttChart
              rows={ganttRowsOf(shown.nodes)}
              today={today ?? data?.asOf ?? ''}
              compact={compact}
              ariaLabel={t('plan.gantt.aria')}
              testId="plan-gantt"
            />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '4px 0 8px' }}>
              {showingDraft && <Tag color="gold">{t('plan.status.draft')}</Tag>}
              {t('plan.gantt.legend')}
            </Typography.Paragraph>
            {editing && data?.draft ? (
              <ProjectPlanDraftEditor projectId={projectId} draft={data.draft} onDone={() => setEditing(false)} />
            ) : (
              <ProjectPlanNodeTable
                nodes={shown.nodes}
                compact={compact}
                onProgress={mayEdit && !showingDraft ? setProgressNode : undefined}
              />
            )}
          </>
        )}
      </Card>
      <ProjectSCurveCard projectId={projectId} />
      <ProjectPlanGenerateModal
        projectId={projectId}
        replan={Boolean(data?.current)}
        earliestTarget={data?.earliestTarget ?? null}
        open={generating}
        onClose={() => (setGenerating(false), setChoice('draft'))}
      />
      <ProjectPlanProgressModal
        projectId={projectId}
        node={progressNode}
        today={today ?? data?.asOf ?? ''}
        onClose={() => setProgressNode(null)}
      />
    </>
  );
}

import { useState } from 'react';
import { Button, Card, Flex, Space, Steps, Table, Tag, Typography } from 'antd';
import { PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import type { ProjectLifecycle, TransitionOutput } from '@keyprojects/core';
import { useProjectLifecycle } from '../../api/lifecycle.ts';
import { attachmentUrl } from '../../api/visits.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ProjectLifecycleRecordModal } from './ProjectLifecycleRecordModal.tsx';

/** The first date each stage (and each step) was entered, by code. */
function enteredOn(transitions: readonly TransitionOutput[]) {
  const stages = new Map<string, string>();
  const steps = new Map<string, string>();
  for (const tr of transitions) {
    if (!stages.has(tr.stageCode)) stages.set(tr.stageCode, tr.occurredOn);
    if (tr.stepCode && !steps.has(tr.stepCode)) steps.set(tr.stepCode, tr.occurredOn);
  }
  return { stages, steps };
}

function LifecycleTimeline({ lifecycle }: { lifecycle: ProjectLifecycle }) {
  const { t, label } = useLocale();
  const stagesDef = lifecycle.template.definition.stages;
  const { stages, steps } = enteredOn(lifecycle.transitions);
  const current = stagesDef.findIndex((s) => s.code === lifecycle.currentStage);
  const allSteps = stagesDef.flatMap((s) => s.steps);
  const currentStep = allSteps.findIndex((s) => s.code === lifecycle.currentStep);
  const lastDoneStep = allSteps.reduce((last, s, i) => (steps.has(s.code) ? i : last), -1);
  return (
    <Flex vertical gap={16}>
      <Steps
        size="small"
        current={current}
        items={stagesDef.map((s) => ({ title: label(s.label), content: stages.get(s.code) ?? '' }))}
      />
      {allSteps.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('lifecycle.card.steps')}</Typography.Text>
          <Steps
            size="small"
            type="dot"
            current={currentStep >= 0 ? currentStep : lastDoneStep}
            items={allSteps.map((s) => ({ title: label(s.label), content: steps.get(s.code) ?? `${s.durationDays}d` }))}
          />
        </div>
      )}
    </Flex>
  );
}

/**
 * 全生命周期: the project's template stages and steps with the dates they were entered, the progress records (date,
 * stage/step, who, source, note, evidence), and "记录进展" for those who may record transitions.
 */
export function ProjectLifecycleCard({ projectId }: { projectId: number }) {
  const { t, label } = useLocale();
  const { can } = useSession();
  const readable = can('lifecycle.read');
  const query = useProjectLifecycle(projectId, readable);
  const [recording, setRecording] = useState(false);
  if (!readable) return null;
  const lifecycle = query.data;
  const columns = [
    { title: t('lifecycle.col.date'), dataIndex: 'occurredOn', key: 'date', width: 110 },
    {
      title: t('lifecycle.col.stage'),
      key: 'stage',
      render: (_: unknown, r: TransitionOutput) =>
        r.stepLabel ? `${label(r.stageLabel)} · ${label(r.stepLabel)}` : label(r.stageLabel),
    },
    {
      title: t('lifecycle.col.who'),
      key: 'who',
      responsive: ['md' as const],
      // When it was recorded, on the application's calendar (an entry made now in a replayed year reads TODAY).
      render: (_: unknown, r: TransitionOutput) => (
        <Flex vertical>
          <span>{r.recordedByName ?? ''}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <AppTime at={r.recordedAt} effective={r.effectiveAt.recordedAt} />
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('lifecycle.col.source'),
      key: 'source',
      render: (_: unknown, r: TransitionOutput) => <Tag>{t(`lifecycle.source.${r.source}`)}</Tag>,
    },
    { title: t('lifecycle.col.note'), dataIndex: 'note', key: 'note', responsive: ['lg' as const] },
    {
      title: t('lifecycle.col.evidence'),
      key: 'evidence',
      render: (_: unknown, r: TransitionOutput) => (
        <Space size={4} wrap>
          {r.evidence.map((e) => (
            <a key={e.id} href={attachmentUrl(e.id)} target="_blank" rel="noreferrer">
              <PaperClipOutlined /> {e.fileName}
            </a>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('lifecycle.card.title')}
      extra={
        can('lifecycle.transition') &&
        lifecycle && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('lifecycle.card.record')}
          </Button>
        )
      }
    >
      {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
      {lifecycle && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('lifecycle.card.template', {
              name: label(lifecycle.template.name),
              version: lifecycle.template.version,
            })}
          </Typography.Text>
          <LifecycleTimeline lifecycle={lifecycle} />
          <Typography.Text strong>{t('lifecycle.card.history')}</Typography.Text>
          <Table<TransitionOutput>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={[...lifecycle.transitions].reverse()}
            pagination={false}
            locale={{ emptyText: t('lifecycle.card.empty') }}
            scroll={{ x: 'max-content' }}
          />
          <ProjectLifecycleRecordModal open={recording} lifecycle={lifecycle} onClose={() => setRecording(false)} />
        </Flex>
      )}
    </Card>
  );
}

/**
 * One batch of a three-batches round (签约一批 / 开工一批 / 投产一批): its rate and projects, those that did not
 * make it marked; for managers a picker adding projects (with an optional planned day) and a remove action.
 */
import { useState } from 'react';
import { App as AntApp, Button, Card, DatePicker, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { Link } from 'react-router';
import type { BatchOutcome, BatchProject } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { useBatchActions } from '../../api/events.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { ProjectPicker } from '../../components/ProjectPicker.tsx';
import { useT } from '../../i18n/useT.ts';

/** Adds projects to the batch, all with the same planned day (optional). */
function BatchProjectPicker({ roundId, outcome }: { roundId: number; outcome: BatchOutcome }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const { addProjects } = useBatchActions();
  const [plannedOn, setPlannedOn] = useState<Dayjs | null>(null);
  const add = (projectIds: number[]) =>
    addProjects
      .mutateAsync({
        id: roundId,
        body: {
          batch: outcome.batch,
          projects: projectIds.map((projectId) => ({ projectId, plannedOn: plannedOn?.format('YYYY-MM-DD') ?? null })),
        },
      })
      .then(() => {
        setPlannedOn(null);
        void message.success(t('event.added'));
      });
  return (
    <ProjectPicker
      placeholder={t('event.pickProjects')}
      addLabel={t('batch.addProjects')}
      pending={addProjects.isPending}
      onAdd={add}
      testId={`batch-picker-${outcome.batch}`}
    >
      <DatePicker
        value={plannedOn}
        onChange={setPlannedOn}
        placeholder={t('batch.plannedOn')}
        aria-label={t('batch.plannedOn')}
        style={{ width: 150 }}
      />
    </ProjectPicker>
  );
}

export function BatchCard({ roundId, outcome, manage }: { roundId: number; outcome: BatchOutcome; manage: boolean }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const { removeProject } = useBatchActions();
  const columns = [
    {
      title: t('reserve.col.project'),
      key: 'name',
      render: (_: unknown, p: BatchProject) => <Link to={`/projects/${p.id}`}>{`${p.name}（${p.code}）`}</Link>,
    },
    { title: t('reserve.col.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('reserve.col.investment'),
      dataIndex: 'totalInvestment',
      align: 'right' as const,
      responsive: ['md' as const],
      render: (value: string) => <MoneyText value={value} showYi={false} />,
    },
    {
      title: t('batch.plannedOn'),
      dataIndex: 'plannedOn',
      responsive: ['md' as const],
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t(`batch.achieved.${outcome.batch}`),
      key: 'achieved',
      render: (_: unknown, p: BatchProject) =>
        p.achieved ? <Tag color="green">{p.achievedOn}</Tag> : <Tag color="orange">{t('batch.notYet')}</Tag>,
    },
    ...(manage
      ? [
          {
            title: '',
            key: 'remove',
            render: (_: unknown, p: BatchProject) => (
              <Popconfirm
                title={t('batch.removeConfirm')}
                onConfirm={() =>
                  removeProject.mutate(
                    { id: roundId, batch: outcome.batch, projectId: p.id },
                    { onError: (error) => void message.error(errorMessage(error)) },
                  )
                }
              >
                <Button size="small" type="link" danger>
                  {t('event.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card
      size="small"
      title={t(`batch.kind.${outcome.batch}`)}
      extra={
        <Typography.Text strong data-testid={`batch-rate-${outcome.batch}`}>
          {t('batch.rate', { achieved: outcome.achieved, planned: outcome.planned, rate: outcome.rate ?? '—' })}
        </Typography.Text>
      }
      style={{ marginBottom: 12 }}
    >
      <Progress percent={Number(outcome.rate ?? 0)} showInfo={false} style={{ marginBottom: 8 }} />
      {manage && <BatchProjectPicker roundId={roundId} outcome={outcome} />}
      <Table<BatchProject>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={outcome.projects}
        pagination={false}
        scroll={{ x: true }}
        data-testid={`batch-projects-${outcome.batch}`}
      />
    </Card>
  );
}

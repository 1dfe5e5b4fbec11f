/**
 * Leads as a table: investor and project, amount, district, stage with its dates, and for managers the next step
 * (one stage forward, drop, convert when signed, upgrade at full capacity); a converted lead links to its project.
 */
import { App as AntApp, Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import {
  INDUSTRY_SECTION_LABELS,
  LEAD_SOURCE_LABELS,
  LEAD_STAGE_LABELS,
  PIPELINE_STEP_LABELS,
  type LeadOutput,
  type LeadStage,
} from '@keyprojects/core';
import { useLeadActions } from '../../api/attraction.ts';
import { formatMoney } from '../../lib/format.ts';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

const NEXT: Partial<Record<LeadStage, LeadStage>> = { talks: 'framework', framework: 'contract' };
const STAGE_COLORS: Record<LeadStage, string> = {
  talks: 'default',
  framework: 'gold',
  contract: 'blue',
  registered: 'green',
  upgrade: 'purple',
  dropped: 'red',
};

interface LeadTableProps {
  leads: readonly LeadOutput[];
  loading: boolean;
  onEdit: (lead: LeadOutput) => void;
  onConvert: (lead: LeadOutput) => void;
}

export function LeadTable({ leads, loading, onEdit, onConvert }: LeadTableProps) {
  const { t, locale } = useLocale();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const { move } = useLeadActions();
  const manage = can('attraction.manage');
  const handleMove = (lead: LeadOutput, stage: LeadStage) =>
    move.mutate(
      { lead, stage },
      {
        onSuccess: () => void message.success(t('attraction.moved')),
        onError: (error) => void message.error(error.message),
      },
    );
  const actions = (lead: LeadOutput) => {
    const next = NEXT[lead.stage];
    return (
      <Space size={4} wrap>
        {next && (
          <Button size="small" onClick={() => handleMove(lead, next)}>
            {t('attraction.moveTo', { stage: LEAD_STAGE_LABELS[next][locale] })}
          </Button>
        )}
        {lead.stage === 'contract' && (
          <Button size="small" type="primary" onClick={() => onConvert(lead)}>
            {t('attraction.convert')}
          </Button>
        )}
        {lead.stage === 'registered' && lead.projectPhase === 'full_capacity' && (
          <Button size="small" onClick={() => handleMove(lead, 'upgrade')}>
            {t('attraction.upgrade')}
          </Button>
        )}
        {(lead.stage === 'talks' || lead.stage === 'framework' || lead.stage === 'contract') && (
          <>
            <Button size="small" type="link" onClick={() => onEdit(lead)}>
              {t('attraction.edit')}
            </Button>
            <Popconfirm title={t('attraction.dropConfirm')} onConfirm={() => handleMove(lead, 'dropped')}>
              <Button size="small" type="link" danger>
                {t('attraction.drop')}
              </Button>
            </Popconfirm>
          </>
        )}
      </Space>
    );
  };
  const columns = [
    {
      title: t('attraction.col.project'),
      key: 'project',
      // Wide enough on a phone that a name wraps by words, not by characters (the table scrolls sideways).
      onCell: () => ({ style: { minWidth: 180, maxWidth: 260 } }),
      render: (_: unknown, lead: LeadOutput) => (
        <div>
          <div>
            {lead.projectId !== null ? (
              <Link to={`/projects/${lead.projectId}`}>{lead.projectName}</Link>
            ) : (
              lead.projectName
            )}
          </div>
          <Typography.Text type="secondary">{lead.investor}</Typography.Text>
        </div>
      ),
    },
    {
      title: t('attraction.col.amount'),
      key: 'amount',
      align: 'right' as const,
      className: 'kp-nowrap kp-money',
      render: (_: unknown, lead: LeadOutput) => formatMoney(lead.amount, 'wan'),
    },
    { title: t('attraction.col.region'), dataIndex: 'regionName', className: 'kp-nowrap' },
    {
      title: t('attraction.col.stage'),
      key: 'stage',
      render: (_: unknown, lead: LeadOutput) => (
        <Space size={4}>
          <Tag color={STAGE_COLORS[lead.stage]}>{LEAD_STAGE_LABELS[lead.stage][locale]}</Tag>
          {lead.projectPhase && <Tag>{PIPELINE_STEP_LABELS[lead.pipelineStep][locale]}</Tag>}
        </Space>
      ),
    },
    {
      title: t('attraction.col.industry'),
      key: 'industry',
      responsive: ['xxl' as const],
      render: (_: unknown, lead: LeadOutput) => (lead.industry ? INDUSTRY_SECTION_LABELS[lead.industry][locale] : ''),
    },
    {
      title: t('attraction.col.source'),
      key: 'source',
      responsive: ['xl' as const],
      render: (_: unknown, lead: LeadOutput) => LEAD_SOURCE_LABELS[lead.source][locale],
    },
    {
      title: t('attraction.col.responsible'),
      key: 'responsible',
      responsive: ['lg' as const],
      render: (_: unknown, lead: LeadOutput) => `${lead.responsiblePerson} · ${lead.responsibleUnit}`,
    },
    {
      title: t('attraction.col.dates'),
      key: 'dates',
      responsive: ['md' as const],
      className: 'kp-nowrap',
      render: (_: unknown, lead: LeadOutput) =>
        [lead.createdOn, lead.contractOn ?? '—', lead.registeredOn ?? '—'].join(' / '),
    },
    ...(manage
      ? [{ title: t('attraction.col.actions'), key: 'actions', render: (_: unknown, l: LeadOutput) => actions(l) }]
      : []),
  ];
  return (
    <Table<LeadOutput>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...leads]}
      loading={loading || move.isPending}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      data-testid="lead-table"
    />
  );
}

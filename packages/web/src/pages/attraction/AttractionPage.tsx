/**
 * 招商引资: the pipeline as a funnel, the year's planned / signed / landed leads per district, the three batches
 * (三个一批) from the same data, and the six lists as tabs (plus every lead), with the Excel exports; managers enter,
 * edit, move and convert leads.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Col, Flex, InputNumber, Row, Statistic, Tabs, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import { SIX_LIST_LABELS, yiFigure, type LeadOutput } from '@keyprojects/core';
import {
  leadsExportUrl,
  sixListsExportUrl,
  useAttractionSummary,
  useLeads,
  useSixLists,
} from '../../api/attraction.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ConvertLeadModal } from './ConvertLeadModal.tsx';
import { DistrictCountsChart } from './DistrictCountsChart.tsx';
import { LeadFormModal } from './LeadFormModal.tsx';
import { LeadTable } from './LeadTable.tsx';
import { PipelineFunnel } from './PipelineFunnel.tsx';

export default function AttractionPage() {
  const { t, locale } = useLocale();
  const { can, today } = useSession();
  const [year, setYear] = useState<number | undefined>(today ? Number(today.slice(0, 4)) : undefined);
  const [editing, setEditing] = useState<{ lead?: LeadOutput } | null>(null);
  const [converting, setConverting] = useState<LeadOutput | undefined>(undefined);
  const summary = useAttractionSummary(year);
  const lists = useSixLists();
  const leads = useLeads({});
  // A project page links here with its lead: open every lead, narrowed to that one.
  const [params] = useSearchParams();
  const onlyLead = Number(params.get('lead')) || undefined;
  const allLeads = (leads.data?.items ?? []).filter((lead) => onlyLead === undefined || lead.id === onlyLead);
  if (!can('attraction.read')) return <Forbidden />;
  const shownYear = summary.data?.year ?? year ?? 0;
  const table = (items: readonly LeadOutput[], loading: boolean) => (
    <LeadTable
      leads={items}
      loading={loading}
      onEdit={(lead) => setEditing({ lead })}
      onConvert={(lead) => setConverting(lead)}
    />
  );
  const tabs = [
    ...(lists.data?.lists ?? []).map((list) => ({
      key: list.list,
      label: `${SIX_LIST_LABELS[list.list][locale]} ${list.count}`,
      children: (
        <>
          <Typography.Paragraph type="secondary">
            {t('attraction.listTotal', { count: list.count, amount: yiFigure(list.amount) })}
          </Typography.Paragraph>
          {table(list.items, lists.isFetching)}
        </>
      ),
    })),
    {
      key: 'all',
      label: `${t('attraction.allLeads')} ${allLeads.length}`,
      children: table(allLeads, leads.isFetching),
    },
  ];
  const batches = summary.data?.batches;
  return (
    <div className="kp-page">
      <PageHeader
        title={t('attraction.title')}
        sub={t('attraction.sub')}
        extra={
          <Flex gap={8} wrap>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(value) => setYear(value ?? undefined)}
              prefix={t('attraction.year')}
              aria-label={t('attraction.year')}
              style={{ width: 130 }}
            />
            <Button icon={<FileExcelOutlined />} href={leadsExportUrl()} data-testid="export-leads">
              {t('attraction.exportLeads')}
            </Button>
            <Button icon={<FileExcelOutlined />} href={sixListsExportUrl()} data-testid="export-six-lists">
              {t('attraction.exportLists')}
            </Button>
            {can('attraction.manage') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
                {t('attraction.new')}
              </Button>
            )}
          </Flex>
        }
      />
      {summary.isError && <RetryAlert message={summary.error.message} onRetry={() => void summary.refetch()} />}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('attraction.funnel')} loading={summary.isLoading}>
            <PipelineFunnel funnel={summary.data?.funnel ?? []} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('attraction.yearCounts', { year: shownYear })} loading={summary.isLoading}>
            <DistrictCountsChart districts={summary.data?.districts ?? []} />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('attraction.batches', { year: shownYear })} style={{ marginBottom: 12 }}>
        <Row gutter={[12, 12]} data-testid="attraction-batches">
          {(['sign', 'start', 'production'] as const).map((batch) => (
            <Col xs={24} sm={8} key={batch}>
              <Statistic
                title={t(`attraction.batch.${batch}`)}
                value={batches?.[batch].count ?? 0}
                suffix={t('attraction.batchAmount', { amount: yiFigure(batches?.[batch].amount ?? '0') })}
              />
            </Col>
          ))}
        </Row>
      </Card>
      {lists.isError && <RetryAlert message={lists.error.message} onRetry={() => void lists.refetch()} />}
      <Card size="small">
        <Tabs items={tabs} defaultActiveKey={onlyLead ? 'all' : undefined} data-testid="six-lists" />
      </Card>
      <LeadFormModal lead={editing?.lead} open={editing !== null} onClose={() => setEditing(null)} />
      <ConvertLeadModal lead={converting} onClose={() => setConverting(undefined)} />
    </div>
  );
}

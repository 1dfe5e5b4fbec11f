import { App as AntApp, Button, Card, Col, Flex, Grid, Row, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { FINANCING_INSTRUMENT_LABELS, type FinancingEdition, type FinancingNeed } from '@keyprojects/core';
import {
  useFinancingActions,
  useFinancingEditions,
  useFinancingMatches,
  useFinancingNeeds,
  useFinancingSummary,
} from '../../api/financing.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { DeclareNeedButton } from './DeclareNeedButton.tsx';
import { MatchesTable } from './MatchesTable.tsx';

/** 融资需求清单 (the DRC's and declarers' view): needs met, the needs, publishing, the editions and the matches. */
export default function FinancingPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const { message } = AntApp.useApp();
  const reader = can('financing.read');
  const needs = useFinancingNeeds(reader || can('financing.declare'));
  const summary = useFinancingSummary(reader);
  const editions = useFinancingEditions();
  const matches = useFinancingMatches();
  const { publish } = useFinancingActions();
  const compact = Grid.useBreakpoint().md === false;
  if (!reader && !can('financing.declare')) return <Forbidden />;
  const handlePublish = () =>
    publish.mutate(undefined, {
      onSuccess: (e) =>
        void message.success(t(e.created ? 'financing.published' : 'financing.publishedAgain', { code: e.code })),
    });
  const s = summary.data;
  const instrument = (n: FinancingNeed) => label(FINANCING_INSTRUMENT_LABELS[n.instrument]);
  // On a phone the wide columns push amount and instrument off screen: each need is one cell with its key figures.
  const compactColumns = [
    {
      title: t('financing.project'),
      key: 'need',
      render: (_: unknown, n: FinancingNeed) => (
        <Flex vertical gap={2}>
          <Link to={`/projects/${n.projectId}`}>{n.projectName}</Link>
          <Typography.Text>
            <MoneyText value={n.amount} showYi={false} /> · {instrument(n)} · {n.termMonths}
            {t('financing.months')}
          </Typography.Text>
          <Typography.Text type="secondary">
            {n.regionName} · {t('financing.signed')} <MoneyText value={n.signed} showYi={false} />
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  const columns = [
    {
      title: t('financing.project'),
      key: 'project',
      ellipsis: true,
      width: 200,
      render: (_: unknown, n: FinancingNeed) => <Link to={`/projects/${n.projectId}`}>{n.projectName}</Link>,
    },
    { title: t('financing.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('financing.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, n: FinancingNeed) => <MoneyText value={n.amount} showYi={false} />,
    },
    {
      title: t('financing.instrument'),
      key: 'instrument',
      render: (_: unknown, n: FinancingNeed) => instrument(n),
    },
    { title: t('financing.term'), dataIndex: 'termMonths', align: 'right' as const, responsive: ['lg' as const] },
    { title: t('financing.purpose'), dataIndex: 'purpose', responsive: ['lg' as const] },
    { title: t('financing.declaredOn'), dataIndex: 'declaredOn', responsive: ['md' as const] },
    {
      title: t('financing.signed'),
      key: 'signed',
      align: 'right' as const,
      render: (_: unknown, n: FinancingNeed) => <MoneyText value={n.signed} showYi={false} />,
    },
  ];
  const editionColumns = [
    { title: t('financing.edition'), dataIndex: 'code' },
    { title: t('financing.publishedOn'), dataIndex: 'publishedOn' },
    { title: t('financing.needCount'), dataIndex: 'needs', align: 'right' as const },
    {
      title: t('financing.amount'),
      key: 'amount',
      align: 'right' as const,
      render: (_: unknown, e: FinancingEdition) => <MoneyText value={e.amount} showYi={false} />,
    },
  ];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('financing.title')}
        sub={t('financing.sub')}
        extra={
          <>
            {can('financing.declare') && <DeclareNeedButton />}
            {can('financing.publish') && (
              <Button
                type="primary"
                loading={publish.isPending}
                onClick={handlePublish}
                data-testid="financing-publish"
              >
                {t('financing.publish')}
              </Button>
            )}
          </>
        }
      />
      {needs.isError && <RetryAlert message={needs.error.message} onRetry={() => void needs.refetch()} />}
      {s && (
        <Card size="small" style={{ marginBottom: 12 }} title={`${t('financing.summary')} ${s.editionCode ?? ''}`}>
          <Row gutter={[12, 12]} data-testid="financing-summary">
            <Col xs={12} md={6}>
              <Statistic title={t('financing.needCount')} value={s.needs} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('financing.amount')} value={s.needed} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('financing.signed')} value={s.signed} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('financing.summary')} value={(s.share * 100).toFixed(1)} suffix="%" />
            </Col>
          </Row>
        </Card>
      )}
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={t('financing.needs')}
        extra={reader && <ExportButton name="financing-needs" query={{}} />}
      >
        <Table<FinancingNeed>
          rowKey="id"
          size="small"
          columns={compact ? compactColumns : columns}
          dataSource={needs.data?.items ?? []}
          loading={needs.isFetching}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          scroll={compact ? undefined : { x: 'max-content' }}
        />
      </Card>
      {can('financing.edition.read') && (
        <Row gutter={[12, 12]}>
          <Col xs={24} xl={8}>
            <Card size="small" title={t('financing.editions')}>
              <Table<FinancingEdition>
                rowKey="id"
                size="small"
                columns={editionColumns}
                dataSource={editions.data?.items ?? []}
                pagination={false}
              />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card
              size="small"
              title={t('financing.matches')}
              extra={<ExportButton name="financing-matches" query={{}} />}
            >
              <MatchesTable items={matches.data?.items ?? []} canMove={can('financing.match')} />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}

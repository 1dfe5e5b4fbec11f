import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Flex, Row, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { FUNDING_EVENT_KINDS, FUNDING_SOURCE_LABELS, type FundingLineItem } from '@keyprojects/core';
import { useFundingLines, useFundingSummary } from '../../api/funding.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { FundingChart } from './FundingChart.tsx';

/** 资金来源: the summary sentences as of a date, bars per district for each kind, and the funding list. */
export default function FundingPage() {
  const { t, label } = useLocale();
  const { can, today } = useSession();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const query = asOf ? { asOf } : {};
  const summary = useFundingSummary(query);
  const lines = useFundingLines(query);
  if (!can('funding.read')) return <Forbidden />;
  const [root, ...districts] = summary.data?.regions ?? [];
  const columns = [
    { title: t('funding.project'), dataIndex: 'name', ellipsis: true, width: 200 },
    { title: t('funding.region'), dataIndex: 'regionName', responsive: ['md' as const] },
    {
      title: t('funding.kind'),
      key: 'kind',
      render: (_: unknown, l: FundingLineItem) => label(FUNDING_SOURCE_LABELS[l.kind]),
    },
    ...(['applied', 'approved', 'issued'] as const).map((step) => ({
      title: t(`funding.${step}`),
      key: step,
      align: 'right' as const,
      responsive: step === 'issued' ? undefined : ['md' as const],
      render: (_: unknown, l: FundingLineItem) => <MoneyText value={l[step]} showYi={false} />,
    })),
    { title: t('funding.lastOn'), dataIndex: 'lastOn', responsive: ['lg' as const] },
  ];
  return (
    <div className="kp-page">
      <PageHeader
        title={t('funding.title')}
        sub={t('funding.sub')}
        extra={
          <Flex gap={8} wrap>
            <DatePicker
              aria-label={t('funding.asOf')}
              placeholder={today}
              value={asOf ? dayjs(asOf) : null}
              onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
            />
            <ExportButton name="funding-lines" query={query} />
          </Flex>
        }
      />
      {summary.isError && <RetryAlert message={summary.error.message} onRetry={() => void summary.refetch()} />}
      {root && (
        <Alert
          style={{ marginBottom: 12 }}
          type="info"
          showIcon
          data-testid="funding-sentences"
          title={
            <Flex vertical gap={2}>
              <Typography.Text strong>
                {root.regionName} {summary.data?.asOf}
              </Typography.Text>
              {root.kinds.map((k) => (
                <span key={k.kind}>{k.sentence}</span>
              ))}
            </Flex>
          }
        />
      )}
      {districts.length > 0 && (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          {FUNDING_EVENT_KINDS.map((kind) => (
            <Col key={kind} xs={24} lg={12}>
              <Card size="small" title={label(FUNDING_SOURCE_LABELS[kind])}>
                <FundingChart kind={kind} regions={districts} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <Card size="small" title={t('funding.lines')}>
        <Table<FundingLineItem>
          rowKey={(l) => `${l.projectId}-${l.kind}`}
          size="small"
          columns={columns}
          dataSource={lines.data?.items ?? []}
          loading={lines.isFetching}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </div>
  );
}

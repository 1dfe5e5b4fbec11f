import { Card, Descriptions, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { formatWan, parseWan, sumFen, type ProjectOutput } from '@keyprojects/core';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';

type AnnualPlan = ProjectOutput['annualPlans'][number];
type FundingSource = ProjectOutput['fundingSources'][number];

function total(sources: readonly FundingSource[], key: 'applied' | 'approved' | 'issued'): string {
  return formatWan(sumFen(sources.map((source) => parseWan(source[key]) ?? 0n)));
}

/** Total investment, the annual plans and the funding sources of a project. */
export function ProjectInvestmentCard({ project }: { project: ProjectOutput }) {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const money = (value: string) => <span className="kp-money">{formatMoney(value, 'wan')}</span>;

  const planColumns: TableColumnsType<AnnualPlan> = [
    { title: t('plan.year'), dataIndex: 'year', key: 'year' },
    {
      title: t('plan.plannedInvestment'),
      key: 'plannedInvestment',
      align: 'right',
      render: (_, plan) => money(plan.plannedInvestment),
    },
    { title: t('plan.nature'), key: 'nature', render: (_, plan) => codeLabel(codelists.natures, plan.nature, locale) },
    {
      title: t('plan.plannedNewStart'),
      key: 'plannedNewStart',
      render: (_, plan) => (plan.plannedNewStart ? <Tag color="green">{t('common.yes')}</Tag> : t('common.no')),
    },
  ];
  const fundingColumns: TableColumnsType<FundingSource> = [
    {
      title: t('funding.kind'),
      key: 'kind',
      render: (_, source) => codeLabel(codelists.fundingSourceKinds, source.kind, locale),
    },
    { title: t('funding.applied'), key: 'applied', align: 'right', render: (_, source) => money(source.applied) },
    { title: t('funding.approved'), key: 'approved', align: 'right', render: (_, source) => money(source.approved) },
    { title: t('funding.issued'), key: 'issued', align: 'right', render: (_, source) => money(source.issued) },
  ];
  const plans = [...project.annualPlans].sort((a, b) => b.year - a.year);

  return (
    <Card title={t('detail.investment')} size="small">
      <Flex vertical gap={16}>
        <Descriptions
          size="small"
          bordered
          column={1}
          styles={{ label: { whiteSpace: 'nowrap', width: 1 } }}
          items={[
            {
              key: 'total',
              label: t('detail.totalInvestment'),
              children: <MoneyText value={project.totalInvestment} />,
            },
          ]}
        />
        <div>
          <Typography.Title level={5}>{t('detail.annualPlans')}</Typography.Title>
          <Table<AnnualPlan>
            rowKey="year"
            size="small"
            columns={planColumns}
            dataSource={plans}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('detail.noAnnualPlans') }}
            data-testid="annual-plans"
          />
        </div>
        <div>
          <Typography.Title level={5}>{t('detail.fundingSources')}</Typography.Title>
          <Table<FundingSource>
            rowKey={(source) => source.kind}
            size="small"
            columns={fundingColumns}
            dataSource={project.fundingSources}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('detail.noFundingSources') }}
            data-testid="funding-sources"
            summary={(sources) =>
              sources.length > 1 ? (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>{t('funding.total')}</Typography.Text>
                  </Table.Summary.Cell>
                  {(['applied', 'approved', 'issued'] as const).map((key, index) => (
                    <Table.Summary.Cell key={key} index={index + 1} align="right">
                      <Typography.Text strong>{money(total(sources, key))}</Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              ) : null
            }
          />
        </div>
      </Flex>
    </Card>
  );
}

import { Card, Collapse, Flex, Table, Typography, type TableColumnsType } from 'antd';
import {
  DATA_QUALITY_FACTORS,
  formatPoints,
  type DataQualityDistrict,
  type DataQualityProject,
  type DataQualityResult,
} from '@keyprojects/core';
import { Link } from 'react-router';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { QualityBar, QualityLegend } from './QualityBar.tsx';

interface DataQualityCardProps {
  data: DataQualityResult | undefined;
  loading: boolean;
  error: Error | null;
  onRetry: () => void;
  compact: boolean;
}

/**
 * 数据质量 beside the ranking: each district's score (0–100) as a bar of its five factors, and below it the projects
 * the reader may see, lowest first, each with its five factors in points.
 */
export function DataQualityCard({ data, loading, error, onRetry, compact }: DataQualityCardProps) {
  const t = useT();
  const districtColumns: TableColumnsType<DataQualityDistrict> = [
    { key: 'district', title: t('ranking.quality.district'), dataIndex: 'regionName', width: compact ? 84 : 96 },
    {
      key: 'score',
      title: t('ranking.quality.score'),
      align: 'right',
      width: 64,
      render: (_, row) => <Typography.Text strong>{row.points ?? t('common.none')}</Typography.Text>,
    },
    {
      key: 'factors',
      title: t('ranking.quality.factors'),
      render: (_, row) =>
        row.terms ? (
          <QualityBar terms={row.terms} />
        ) : (
          <Typography.Text type="secondary">{t('ranking.quality.none')}</Typography.Text>
        ),
    },
  ];
  const projectColumns: TableColumnsType<DataQualityProject> = [
    {
      key: 'project',
      title: t('ranking.quality.project'),
      fixed: 'left',
      width: compact ? 140 : 200,
      render: (_, row) => (
        <Flex vertical>
          <Link to={`/projects/${String(row.projectId)}`}>
            <Typography.Text
              ellipsis={{ tooltip: row.name }}
              style={{ maxWidth: compact ? 128 : 188, color: 'inherit' }}
            >
              {row.name}
            </Typography.Text>
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.regionName}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'score', title: t('ranking.quality.score'), dataIndex: 'points', align: 'right', width: 60 },
    ...DATA_QUALITY_FACTORS.map((factor) => ({
      key: factor,
      title: t(`ranking.quality.factor.${factor}`),
      align: 'right' as const,
      width: 72,
      render: (_: unknown, row: DataQualityProject) => formatPoints(row.terms[factor]),
    })),
  ];
  return (
    <Card size="small" title={t('ranking.quality.title')} data-testid="data-quality">
      {error && <RetryAlert message={error.message} onRetry={onRetry} />}
      <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
        {t('ranking.quality.hint')}
      </Typography.Paragraph>
      <QualityLegend />
      <Table<DataQualityDistrict>
        style={{ marginTop: 8 }}
        rowKey="regionCode"
        size="small"
        loading={loading}
        columns={districtColumns}
        dataSource={[...(data?.districts ?? [])].sort((a, b) => (b.hundredths ?? -1) - (a.hundredths ?? -1))}
        pagination={false}
        data-testid="quality-districts"
      />
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8 }}
        items={[
          {
            key: 'projects',
            label: t('ranking.quality.projects', { count: data?.projects.length ?? 0 }),
            children: (
              <Table<DataQualityProject>
                rowKey="projectId"
                size="small"
                columns={projectColumns}
                dataSource={data?.projects ?? []}
                pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
                scroll={{ x: 'max-content' }}
                data-testid="quality-projects"
              />
            ),
          },
        ]}
      />
    </Card>
  );
}

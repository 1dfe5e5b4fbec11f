import { Image, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { PROBLEM_STATE_LABELS, type InspectionOutput } from '@keyprojects/core';
import { attachmentUrl } from '../../api/visits.ts';
import { useLocale } from '../../i18n/useT.ts';

/** Inspections as a table: date and mode, (project), inspectors, findings with photos, the rectification's tracking. */
export function InspectionTable({
  inspections,
  showProject,
  loading,
  emptyText,
}: {
  inspections: InspectionOutput[];
  showProject: boolean;
  loading?: boolean;
  emptyText: string;
}) {
  const { t, label } = useLocale();
  const columns: TableColumnsType<InspectionOutput> = [
    {
      title: t('inspection.date'),
      dataIndex: 'inspectedOn',
      render: (date: string, row) => (
        <Space orientation="vertical" size={0}>
          <span className="kp-nowrap">{date}</span>
          <Tag color={row.mode === 'onsite' ? 'blue' : 'cyan'}>{t(`inspection.mode.${row.mode}`)}</Tag>
        </Space>
      ),
    },
    ...(showProject
      ? [
          {
            title: t('inspection.project'),
            dataIndex: 'projectName',
            render: (name: string, row: InspectionOutput) => <Link to={`/projects/${row.projectId}`}>{name}</Link>,
          },
        ]
      : []),
    {
      title: t('inspection.inspectors'),
      dataIndex: 'inspectors',
      render: (inspectors: string) => <div style={{ minWidth: 140 }}>{inspectors}</div>,
    },
    {
      title: t('inspection.findings'),
      dataIndex: 'findings',
      render: (findings: string, row) => (
        <div style={{ minWidth: 220 }}>
          <Typography.Paragraph style={{ margin: 0 }}>{findings}</Typography.Paragraph>
          {row.photos.length > 0 && (
            <Image.PreviewGroup>
              <Space wrap style={{ marginTop: 6 }}>
                {row.photos.map((photo) => (
                  <Image key={photo.id} width={56} height={56} src={attachmentUrl(photo.id)} alt={photo.fileName} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
        </div>
      ),
    },
    {
      title: t('inspection.problem'),
      key: 'rectification',
      render: (_: unknown, row) =>
        row.problemId === null ? (
          <Typography.Text type="secondary">{t('inspection.noRectification')}</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            <Link to={`/problems/${row.problemId}`}>
              {row.problemState ? label(PROBLEM_STATE_LABELS[row.problemState]) : `#${row.problemId}`}
            </Link>
            <Typography.Text type="secondary" className="kp-nowrap">
              {t('inspection.rectifyBy')} {row.rectifyBy}
            </Typography.Text>
          </Space>
        ),
    },
  ];
  return (
    <Table<InspectionOutput>
      rowKey="id"
      size="small"
      loading={loading ?? false}
      columns={columns}
      dataSource={inspections}
      pagination={false}
      scroll={{ x: true }}
      locale={{ emptyText }}
    />
  );
}

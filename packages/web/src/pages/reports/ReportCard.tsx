import { Card, Flex, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ReportListItem } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { formatMoney } from '../../lib/format.ts';
import type { PeriodRef } from '../../lib/period.ts';
import { ReportStateTag } from './ReportStateTag.tsx';

/** One project of the owner's list: its name, state and amounts; the whole card opens the report. */
export function ReportCard({ item, period }: { item: ReportListItem; period: PeriodRef }) {
  const t = useT();
  const wan = t('project.unit.wan');
  return (
    <Link
      to={`/reports/${item.projectId}/${period.year}/${period.month}`}
      className="kp-card-link"
      data-testid="report-card"
      data-project-id={item.projectId}
      data-project-name={item.projectName}
    >
      <Card size="small" hoverable styles={{ body: { padding: '12px 14px' } }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {item.projectName}
          </Typography.Text>
          <ReportStateTag state={item.state} />
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {item.projectCode} · {item.regionName}
        </Typography.Text>
        <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 6 }}>
          <Flex wrap gap="0 14px" style={{ fontSize: 13 }}>
            <span className="kp-nowrap">
              {t('report.thisMonth')}{' '}
              <strong className="kp-money">
                {item.completedThisMonth === null ? t('common.none') : formatMoney(item.completedThisMonth, 'wan')}
              </strong>{' '}
              {item.completedThisMonth !== null && wan}
            </span>
            <span className="kp-nowrap">
              {t('report.annualPlan')} <span className="kp-money">{formatMoney(item.annualPlan, 'wan')}</span> {wan}
            </span>
          </Flex>
          <RightOutlined style={{ color: '#8c8c8c' }} />
        </Flex>
      </Card>
    </Link>
  );
}

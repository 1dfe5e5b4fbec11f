import { Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { WarningItem } from '@keyprojects/core';
import { useRegionLabel } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';
import { WarningLevelTag } from './WarningLevelTag.tsx';

/** The warnings table's columns; on a phone the project cell carries the rule and text too. */
export function useWarningColumns(compact: boolean): TableColumnsType<WarningItem> {
  const t = useT();
  const regionLabel = useRegionLabel();
  const project = (w: WarningItem) =>
    w.projectId === null ? (
      <Typography.Text strong>{`${w.regionName}（${t('warning.districtWide')}）`}</Typography.Text>
    ) : (
      <Link to={`/projects/${w.projectId}`}>{w.projectName}</Link>
    );
  if (compact) {
    return [
      {
        key: 'warning',
        title: t('warning.col.project'),
        render: (_, w) => (
          <div>
            <div>
              <WarningLevelTag level={w.level} /> {project(w)}
            </div>
            <Typography.Text type="secondary">{`${w.ruleLabel} · ${w.firstRaisedOn}`}</Typography.Text>
            <div>{w.text}</div>
          </div>
        ),
      },
    ];
  }
  return [
    { key: 'level', title: t('warning.col.level'), width: 90, render: (_, w) => <WarningLevelTag level={w.level} /> },
    {
      key: 'project',
      title: t('warning.col.project'),
      width: 240,
      render: (_, w) => (
        <div>
          {project(w)}
          {w.projectCode && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {w.projectCode}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'region',
      title: t('warning.col.region'),
      width: 100,
      render: (_, w) => regionLabel(w.regionCode, w.regionName),
    },
    { key: 'rule', title: t('warning.col.rule'), dataIndex: 'ruleLabel', width: 130 },
    { key: 'text', title: t('warning.col.text'), dataIndex: 'text' },
    { key: 'raised', title: t('warning.col.raised'), dataIndex: 'firstRaisedOn', width: 110 },
    {
      key: 'confirmed',
      title: t('warning.col.confirmed'),
      width: 110,
      render: (_, w) => w.clearedOn ?? w.lastConfirmedOn,
    },
  ];
}

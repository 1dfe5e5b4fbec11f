import { Tag, Typography, type TableColumnType } from 'antd';
import { Link } from 'react-router';
import type { ProjectListItem, ProjectSortField } from '@keyprojects/core';
import { codeLabel, useCodelists, useRegionLabel } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { formatDateTime, formatMoney, type MoneyUnit } from '../../lib/format.ts';
import { tagColor, tagLabel } from '../../lib/tags.ts';
import type { ListState } from './listParams.ts';

/** Columns the user may show or hide; the name column is always shown. */
export const OPTIONAL_COLUMNS = [
  'region',
  'levels',
  'category',
  'industry',
  'nature',
  'stage',
  'totalInvestment',
  'annualPlan',
  'owner',
  'code',
  'plannedStart',
  'plannedCompletion',
  'actualStart',
  'tags',
  'inStatistics',
  'updatedAt',
] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
export type ColumnKey = OptionalColumn | 'name';

/** Shown until the user chooses: what fits beside the name at 1366 px, money included. */
export const DEFAULT_COLUMNS: readonly OptionalColumn[] = [
  'region',
  'levels',
  'category',
  'nature',
  'stage',
  'totalInvestment',
  'annualPlan',
  'owner',
  'code',
  'plannedStart',
];

/** Columns the server can sort by, and the sort field for each. */
export const SORT_FIELD_OF: Partial<Record<ColumnKey, ProjectSortField>> = {
  code: 'code',
  name: 'name',
  region: 'regionCode',
  totalInvestment: 'totalInvestment',
  annualPlan: 'annualPlan',
  plannedStart: 'plannedStartDate',
  updatedAt: 'updatedAt',
};

export type ProjectColumn = TableColumnType<ProjectListItem> & { key: ColumnKey };

interface ColumnOptions {
  unit: MoneyUnit;
  /** The year of the annual-plan column (null: every year, no such column). */
  planYear: number | null;
  state: ListState;
  compact: boolean;
}

/** The table's column definitions, in display order, with titles in the current language. */
export function useProjectColumns({ unit, planYear, state, compact }: ColumnOptions): ProjectColumn[] {
  const { t, locale } = useLocale();
  const regionLabel = useRegionLabel();
  const { codelists } = useCodelists();
  const unitText = t(unit === 'yi' ? 'project.unit.yi' : 'project.unit.wan');
  const none = t('common.none');

  const money = (value: string | null) => <span className="kp-money">{formatMoney(value, unit) || none}</span>;
  const date = (value: string | null) => <span className="kp-nowrap">{value ?? none}</span>;

  const columns: ProjectColumn[] = [
    {
      key: 'name',
      title: t('project.col.name'),
      fixed: compact ? undefined : 'start',
      width: compact ? 180 : 260,
      // The cell holds the name only (tests and screen readers read it as the project's name).
      render: (_, item) => (
        <Link to={`/projects/${item.id}`} data-testid="project-link">
          {item.name}
        </Link>
      ),
    },
    { key: 'code', title: t('project.col.code'), render: (_, item) => <span className="kp-nowrap">{item.code}</span> },
    { key: 'owner', title: t('project.col.owner'), width: 200, render: (_, item) => item.ownerName },
    {
      key: 'region',
      title: t('project.col.region'),
      render: (_, item) => <span className="kp-nowrap">{regionLabel(item.regionCode, item.regionName)}</span>,
    },
    {
      key: 'levels',
      title: t('project.col.levels'),
      render: (_, item) =>
        item.levels.map((level) => (
          <Tag key={level} color={level === 'provincial' ? 'red' : level === 'municipal' ? 'orange' : 'default'}>
            {codeLabel(codelists.levels, level, locale)}
          </Tag>
        )),
    },
    {
      key: 'category',
      title: t('project.col.category'),
      render: (_, item) => <span className="kp-nowrap">{codeLabel(codelists.categories, item.category, locale)}</span>,
    },
    {
      key: 'industry',
      title: t('project.col.industry'),
      render: (_, item) => codeLabel(codelists.industries, item.industry, locale) || none,
    },
    {
      key: 'nature',
      title: t('project.col.nature'),
      render: (_, item) => <span className="kp-nowrap">{codeLabel(codelists.natures, item.nature, locale)}</span>,
    },
    {
      key: 'stage',
      title: t('project.col.stage'),
      render: (_, item) => <Tag color="blue">{codeLabel(codelists.stages, item.stage, locale)}</Tag>,
    },
    {
      key: 'totalInvestment',
      title: t('project.col.totalInvestment', { unit: unitText }),
      align: 'right',
      render: (_, item) => money(item.totalInvestment),
    },
    {
      key: 'annualPlan',
      title: t('project.col.annualPlan', { year: planYear ?? '', unit: unitText }),
      align: 'right',
      render: (_, item) => money(item.annualPlan),
    },
    { key: 'plannedStart', title: t('project.col.plannedStart'), render: (_, item) => date(item.plannedStartDate) },
    {
      key: 'plannedCompletion',
      title: t('project.col.plannedCompletion'),
      render: (_, item) => date(item.plannedCompletionDate),
    },
    { key: 'actualStart', title: t('project.col.actualStart'), render: (_, item) => date(item.actualStartDate) },
    {
      key: 'tags',
      title: t('project.col.tags'),
      render: (_, item) =>
        item.tags.length
          ? item.tags.map((tag) => (
              <Tag key={tag} color={tagColor(tag)}>
                {tagLabel(tag, locale)}
              </Tag>
            ))
          : none,
    },
    {
      key: 'inStatistics',
      title: t('project.col.inStatistics'),
      render: (_, item) =>
        item.inStatistics ? (
          <Tag color="green">{t('common.yes')}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('common.no')}</Typography.Text>
        ),
    },
    {
      key: 'updatedAt',
      title: t('project.col.updatedAt'),
      render: (_, item) => <span className="kp-nowrap">{formatDateTime(item.updatedAt)}</span>,
    },
  ];

  // On phones the money comes right after the name, before the table has to be scrolled.
  const first: readonly ColumnKey[] = compact ? ['name', 'totalInvestment', 'annualPlan'] : ['name'];
  const order = (key: ColumnKey) =>
    first.includes(key) ? first.indexOf(key) - first.length : (OPTIONAL_COLUMNS as readonly ColumnKey[]).indexOf(key);
  return columns
    .sort((a, b) => order(a.key) - order(b.key))
    .map((column) => {
      const field = SORT_FIELD_OF[column.key];
      if (!field) return column;
      const sortOrder = state.sort === field ? (state.order === 'asc' ? 'ascend' : 'descend') : null;
      return { ...column, sorter: true, sortOrder };
    });
}

import { useMemo } from 'react';
import { Button, Card, Flex, Grid, Table, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { isSandboxRegion, type ProjectListItem } from '@keyprojects/core';
import { useProjectList } from '../../api/projects.ts';
import { useCodelists, useDefaultPlanYear } from '../../api/reference.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/useT.ts';
import type { MoneyUnit } from '../../lib/format.ts';
import { useStoredState } from '../../lib/useStoredState.ts';
import { useSession } from '../../session/useSession.ts';
import { ColumnChooser } from './ColumnChooser.tsx';
import { MoneyUnitSwitch } from './MoneyUnitSwitch.tsx';
import { PAGE_SIZES, parseListState, toApiParams, toSearchParams, type ListState } from './listParams.ts';
import {
  DEFAULT_COLUMNS,
  OPTIONAL_COLUMNS,
  SORT_FIELD_OF,
  useProjectColumns,
  type ColumnKey,
  type OptionalColumn,
} from './projectColumns.tsx';
import { ProjectFilters } from './ProjectFilters.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

const isMoneyUnit = (value: unknown): value is MoneyUnit => value === 'wan' || value === 'yi';
const isColumnList = (value: unknown): value is OptionalColumn[] =>
  Array.isArray(value) && value.every((key) => (OPTIONAL_COLUMNS as readonly unknown[]).includes(key));

/** The project library: filters, sortable and pageable table, all kept in the URL. */
export default function ProjectListPage() {
  const t = useT();
  const { can, user } = useSession();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const compact = screens.md === false;
  const { isSettled } = useCodelists();
  const planYear = useDefaultPlanYear();
  // Unknown only before the session names the application's date: then nothing is fetched or shown (below).
  // The open-data sandbox's projects come without annual plans: its list starts at every plan year, not an empty one.
  const sandbox = user?.regionCode ? isSandboxRegion(user.regionCode) : false;
  const defaultPlanYear = sandbox ? null : (planYear ?? 0);
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => parseListState(searchParams, defaultPlanYear), [searchParams, defaultPlanYear]);
  // Wait for the codelists: the default plan year comes from them.
  const list = useProjectList(toApiParams(state), isSettled && planYear !== undefined && can('project.read'));
  const [unit, setUnit] = useStoredState<MoneyUnit>('kp.projects.unit', 'wan', isMoneyUnit);
  const [visible, setVisible] = useStoredState<OptionalColumn[]>(
    'kp.projects.columns',
    [...DEFAULT_COLUMNS],
    isColumnList,
  );
  const columns = useProjectColumns({
    unit,
    planYear: state.planYear === null ? null : (list.data?.planYear ?? state.planYear),
    state,
    compact,
  });
  const shownColumns = columns.filter(
    (column) =>
      column.key === 'name' ||
      (visible.includes(column.key) && (column.key !== 'annualPlan' || state.planYear !== null)),
  );

  const update = (next: ListState) => setSearchParams(toSearchParams(next, defaultPlanYear));
  const handleFilterChange = (patch: Partial<ListState>) => update({ ...state, ...patch, page: 1 });
  const handleReset = () =>
    update({ page: 1, pageSize: state.pageSize, planYear: defaultPlanYear, sort: state.sort, order: state.order });
  const handleCreate = () => void navigate('/projects/new');

  if (!can('project.read')) return <Forbidden />;
  if (planYear === undefined) return <PageLoading />;

  const handleTableChange: TableProps<ProjectListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const single = Array.isArray(sorter) ? sorter[0] : sorter;
      const field = single?.order ? SORT_FIELD_OF[single.columnKey as ColumnKey] : undefined;
      const next: ListState = { ...state, page: 1, sort: field, order: single?.order === 'ascend' ? 'asc' : 'desc' };
      if (!field) delete next.order;
      update(next);
      return;
    }
    update({ ...state, page: pagination.current ?? 1, pageSize: pagination.pageSize ?? state.pageSize });
  };

  return (
    <div className="kp-page">
      <PageHeader
        title={t('project.listTitle')}
        extra={
          <>
            <ExportButton name="projects" query={toApiParams(state)} />
            {can('project.create') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={handleCreate}>
                {t('project.new')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <ProjectFilters state={state} compact={compact} onChange={handleFilterChange} onReset={handleReset} />
      </Card>
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary" data-testid="project-total">
            {list.data
              ? t('count.totalWhat', {
                  total: list.data.total,
                  years:
                    state.planYear === null
                      ? t('count.allYears')
                      : t('count.planYear', { year: list.data.planYear ?? state.planYear }),
                  scope: t(sandbox ? 'count.sandboxOnly' : 'count.noSandbox'),
                })
              : t('common.loading')}
          </Typography.Text>
          <Flex gap={8} wrap>
            <MoneyUnitSwitch value={unit} onChange={setUnit} />
            <ColumnChooser columns={columns} visible={visible} onChange={setVisible} />
          </Flex>
        </Flex>
        {list.isError && !list.data && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
        <Table<ProjectListItem>
          rowKey="id"
          size="middle"
          columns={shownColumns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={handleTableChange}
          scroll={{ x: 'max-content' }}
          showSorterTooltip={false}
          // No "no data" picture under the spinner of the first load.
          locale={list.isPending ? { emptyText: <div style={{ height: 120 }} /> } : undefined}
          pagination={{
            current: state.page,
            pageSize: state.pageSize,
            total: list.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: compact ? undefined : (total) => t('common.total', { total }),
            simple: compact,
          }}
          data-testid="project-table"
        />
      </Card>
    </div>
  );
}

import { useState, type Key } from 'react';
import { Alert, Card, Col, Grid, Input, Row, Table, Tabs, TreeSelect, type TableProps } from 'antd';
import { REPORT_STATE_LABELS } from '@keyprojects/core';
import { Navigate, useSearchParams } from 'react-router';
import { usePeriods, useReportList, type ReportRef } from '../../api/reports.ts';
import { useScopeRegions } from '../../api/reference.ts';
import type { ReportBatchResult, ReportListItem, ReportListState } from '@keyprojects/core';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/useT.ts';
import type { PeriodRef } from '../../lib/period.ts';
import { buildRegionTree } from '../../lib/regionTree.ts';
import { useCurrentPeriod } from '../../lib/useCurrentPeriod.ts';
import { useSession } from '../../session/useSession.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { parseReviewState, REVIEW_PAGE_SIZE, toListParams, toReviewSearch, type ReviewState } from './reviewParams.ts';
import { reviewColumns } from './reviewColumns.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { BatchBar, batchable } from './BatchBar.tsx';
import { BatchResultModal } from './BatchResultModal.tsx';
import { FilingProgressPanel } from './FilingProgressPanel.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

/** The tabs, in the order a reviewer works: waiting first. */
const TABS: readonly ReportListState[] = [
  'submitted',
  'returned',
  'not_started',
  'draft',
  'approved',
  'confirmed',
  'locked',
];
const ALL = 'all';

/** 月报审核: district staff and the city review the owners' reports of a period. */
export default function ReviewDeskPage() {
  const { t, label } = useLocale();
  const { can, user } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [searchParams, setSearchParams] = useSearchParams();
  const { current } = useCurrentPeriod();
  const state = parseReviewState(searchParams, current);
  const list = useReportList(state ? toListParams(state) : null);
  const periods = usePeriods(state?.year ?? null);
  const regions = useScopeRegions();
  const [open, setOpen] = useState<(ReportRef & { projectName: string }) | null>(null);
  // The ticked reports across pages of the same filter (cleared when the filter or period changes).
  const [selected, setSelected] = useState<ReadonlyMap<number, ReportListItem>>(new Map());
  const [result, setResult] = useState<ReportBatchResult | null>(null);

  if (!can('report.review')) return can('report.write') ? <Navigate to="/reports/file" replace /> : <Forbidden />;

  const update = (patch: Partial<ReviewState>) => {
    if (!state) return;
    const next = { ...state, page: 1, ...patch };
    if (
      next.year !== state.year ||
      next.month !== state.month ||
      next.q !== state.q ||
      next.regionCode !== state.regionCode
    )
      setSelected(new Map());
    setSearchParams(toReviewSearch(next));
  };
  const handlePeriod = (period: PeriodRef) => update(period);
  const handleTab = (key: string) => update({ state: key === ALL ? undefined : (key as ReportListState) });
  const handleSearch = (value: string) => update({ q: value.trim() || undefined });
  const handleRegion = (value: string | undefined) => update({ regionCode: value || undefined });
  const handleTableChange: TableProps<ReportListItem>['onChange'] = (pagination) =>
    update({ page: pagination.current ?? 1 });
  const handleOpen = (item: ReportListItem) => {
    if (state)
      setOpen({ projectId: item.projectId, year: state.year, month: state.month, projectName: item.projectName });
  };
  const handleClose = () => setOpen(null);
  const handleSelect = (keys: Key[], rows: (ReportListItem | undefined)[]) => {
    const next = new Map<number, ReportListItem>();
    for (const key of keys) {
      const item = rows.find((row) => row?.projectId === key) ?? selected.get(Number(key));
      if (item) next.set(item.projectId, item);
    }
    setSelected(next);
  };
  const handleBatchDone = (answer: ReportBatchResult) => {
    setSelected(new Map());
    setResult(answer);
  };
  const handleClearSelection = () => setSelected(new Map());
  const handleCloseResult = () => setResult(null);
  const role = user?.role;

  const counts = list.data?.stateCounts ?? {};
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const info = periods.data?.find((p) => p.month === state?.month);
  const tree = buildRegionTree(regions.data ?? []);

  return (
    <div className="kp-page">
      <PageHeader
        title={t('review.title')}
        sub={info ? t('report.periodInfo', { cutoff: info.cutoffDate, deadline: info.deadline }) : undefined}
        extra={
          state && (
            <>
              <PeriodPicker value={state} max={current} onChange={handlePeriod} />
              <ExportButton name="monthly-reports" query={{ ...toListParams(state) }} />
            </>
          )
        }
      />
      {info?.locked && <Alert type="info" showIcon title={t('review.locked')} style={{ marginBottom: 12 }} />}
      {state && <FilingProgressPanel period={state} canRemind={can('report.review')} compact={compact} />}
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12} lg={8}>
            <Input.Search
              allowClear
              key={state?.q ?? ''}
              defaultValue={state?.q}
              onSearch={handleSearch}
              placeholder={t('review.search')}
              aria-label={t('review.search')}
            />
          </Col>
          {tree.length > 0 && (regions.data?.length ?? 0) > 1 && (
            <Col xs={24} md={12} lg={6}>
              <TreeSelect
                allowClear
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                value={state?.regionCode}
                onChange={handleRegion}
                treeData={tree}
                placeholder={t('project.filter.region')}
                aria-label={t('project.filter.region')}
                style={{ width: '100%' }}
              />
            </Col>
          )}
        </Row>
        <Tabs
          activeKey={state?.state ?? ALL}
          onChange={handleTab}
          items={[
            { key: ALL, label: `${t('review.all')} ${total}` },
            ...TABS.map((tab) => ({ key: tab, label: `${label(REPORT_STATE_LABELS[tab])} ${counts[tab] ?? 0}` })),
          ]}
          data-testid="review-tabs"
        />
        {state && role && !info?.locked && (
          <BatchBar
            role={role}
            state={state}
            selected={[...selected.values()]}
            counts={counts}
            onDone={handleBatchDone}
            onClear={handleClearSelection}
          />
        )}
        {list.isError && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
        <Table<ReportListItem>
          rowKey="projectId"
          size="middle"
          columns={reviewColumns(t, compact, handleOpen)}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={handleTableChange}
          rowSelection={
            role && !info?.locked
              ? {
                  selectedRowKeys: [...selected.keys()],
                  preserveSelectedRowKeys: true,
                  onChange: handleSelect,
                  getCheckboxProps: (row) => ({ disabled: !batchable(role, row.state), name: row.projectName }),
                }
              : undefined
          }
          scroll={{ x: 'max-content' }}
          pagination={{
            current: state?.page ?? 1,
            pageSize: REVIEW_PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: compact ? undefined : (n) => t('common.total', { total: n }),
            simple: compact,
          }}
          data-testid="review-table"
        />
      </Card>
      <ReviewDrawer target={open} onClose={handleClose} />
      <BatchResultModal result={result} onClose={handleCloseResult} />
    </div>
  );
}

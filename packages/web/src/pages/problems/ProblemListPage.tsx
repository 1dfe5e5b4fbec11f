import { Button, Card, Col, Grid, Input, Row, Select, Switch, Table, Tabs, Flex, Typography } from 'antd';
import { FileExcelOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PROBLEM_CATEGORIES,
  PROBLEM_CATEGORY_LABELS,
  PROBLEM_STATES,
  PROBLEM_STATE_LABELS,
  type ProblemCategory,
  type ProblemListItem,
  type ProblemListQueryJson,
  type ProblemState,
  type ProblemView,
} from '@keyprojects/core';
import { useNavigate, useSearchParams } from 'react-router';
import { problemExportUrl, useProblemList } from '../../api/problems.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { problemColumns } from './problemColumns.tsx';

const PAGE_SIZE = 20;
const VIEWS: readonly ProblemView[] = ['all', 'tasks', 'responsibilities'];

/** 问题清单: every problem the viewer may see, as the whole list, the tasks by due date or by responsible unit. */
export default function ProblemListPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '')
    ? (params.get('view') as ProblemView)
    : 'all';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: ProblemListQueryJson = {
    view,
    state: (params.get('state') as ProblemState | null) ?? undefined,
    category: (params.get('category') as ProblemCategory | null) ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    q: params.get('q') ?? undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useProblemList(query);

  if (!can('problem.read')) return <Forbidden />;

  const update = (patch: Partial<Record<string, string>>) => {
    const next = new URLSearchParams(params);
    next.delete('page');
    for (const [key, value] of Object.entries(patch)) {
      if (!value) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };

  return (
    <div className="kp-page">
      <PageHeader
        title={t('problem.title')}
        extra={
          <>
            {can('problem.work') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/problems/new')}>
                {t('problem.raise')}
              </Button>
            )}
            <Button icon={<FileExcelOutlined />} href={problemExportUrl(query)} data-testid="export-problems">
              {t('ledger.export')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Row gutter={[12, 12]}>
          <Col xs={24} md={8}>
            <Input.Search
              allowClear
              defaultValue={query.q}
              onSearch={(value) => update({ q: value.trim() || undefined })}
              placeholder={t('problem.search')}
              aria-label={t('problem.search')}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('problem.filter.state')}
              value={query.state}
              onChange={(value?: string) => update({ state: value })}
              options={PROBLEM_STATES.map((s) => ({ value: s, label: label(PROBLEM_STATE_LABELS[s]) }))}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              allowClear
              style={{ width: '100%' }}
              placeholder={t('problem.filter.category')}
              value={query.category}
              onChange={(value?: string) => update({ category: value })}
              options={PROBLEM_CATEGORIES.map((c) => ({ value: c, label: label(PROBLEM_CATEGORY_LABELS[c]) }))}
            />
          </Col>
          <Col xs={24} md={6}>
            <Flex align="center" gap={8} style={{ height: '100%' }}>
              <Switch
                checked={query.overdue === 'true'}
                onChange={(on) => update({ overdue: on ? 'true' : undefined })}
                aria-label={t('problem.filter.overdue')}
              />
              <Typography.Text>{t('problem.filter.overdue')}</Typography.Text>
            </Flex>
          </Col>
        </Row>
        <Tabs
          activeKey={view}
          onChange={(key) => update({ view: key === 'all' ? undefined : key })}
          items={VIEWS.map((v) => ({ key: v, label: t(`problem.tab.${v}`) }))}
        />
        {list.isError && <RetryAlert message={list.error.message} onRetry={() => void list.refetch()} />}
        <Table<ProblemListItem>
          rowKey="id"
          size="middle"
          columns={problemColumns(t, label, compact)}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={{ x: true }}
          onChange={(pagination) => update({ page: String(pagination.current ?? 1) })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: compact ? undefined : (n) => t('common.total', { total: n }),
            simple: compact,
          }}
          data-testid="problem-table"
        />
      </Card>
    </div>
  );
}

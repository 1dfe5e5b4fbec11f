import { Button, Card, Col, Descriptions, Result, Row, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { PROBLEM_CATEGORY_LABELS, PROBLEM_GRADE_LABELS, PROBLEM_STATE_LABELS } from '@keyprojects/core';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useProblem } from '../../api/problems.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ClockTag } from './ClockTag.tsx';
import { ProblemActions } from './ProblemActions.tsx';
import { ProblemAttachmentsCard } from './ProblemAttachmentsCard.tsx';
import { ProblemClockCard } from './ProblemClockCard.tsx';
import { ProblemHistoryCard } from './ProblemHistoryCard.tsx';
import { STATE_COLORS } from './problemColumns.tsx';

/** One problem: what it is, the clock as a countdown, the viewer's actions, the history and the files. */
export default function ProblemDetailPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useProblem(id);

  if (!can('problem.read')) return <Forbidden />;
  if (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404))
    return <Result status="404" title="404" subTitle={t('problem.notFound')} />;
  if (query.isError) return <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />;
  const problem = query.data;
  if (!problem) return <PageLoading />;

  const none = '—';
  return (
    <div className="kp-page">
      <PageHeader
        title={
          <>
            {problem.title}{' '}
            <Tag color={STATE_COLORS[problem.state]} data-testid="problem-state">
              {label(PROBLEM_STATE_LABELS[problem.state])}
            </Tag>
          </>
        }
        sub={<Link to={`/projects/${problem.projectId}`}>{`${problem.projectName}（${problem.projectCode}）`}</Link>}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/problems')}>
            {t('problem.back')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        {/* On a phone the countdown comes first: it is what the page is opened for. */}
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 14, order: 1 }}>
          <Card size="small" title={t('problem.detail.basic')}>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                {
                  key: 'category',
                  label: t('problem.col.category'),
                  children: label(PROBLEM_CATEGORY_LABELS[problem.category]),
                },
                { key: 'source', label: t('problem.detail.source'), children: t(`problem.source.${problem.source}`) },
                { key: 'unit', label: t('problem.col.unit'), children: problem.unitName ?? t('problem.notAssigned') },
                { key: 'assignee', label: t('problem.detail.assignee'), children: problem.assigneeName ?? none },
                {
                  key: 'raised',
                  label: t('problem.col.raisedOn'),
                  children: `${problem.raisedOn} ${problem.raisedByName ?? ''}`,
                },
                { key: 'due', label: t('problem.col.due'), children: problem.dueOn ?? none },
                { key: 'clock', label: t('problem.col.clock'), children: <ClockTag item={problem} /> },
                {
                  key: 'grade',
                  label: t('problem.detail.grade'),
                  children: problem.grade ? label(PROBLEM_GRADE_LABELS[problem.grade]) : none,
                },
                ...(problem.lastReason
                  ? [{ key: 'reason', label: t('problem.detail.lastReason'), children: problem.lastReason, span: 2 }]
                  : []),
                { key: 'description', label: t('problem.detail.description'), children: problem.description, span: 2 },
              ]}
            />
          </Card>
          <div style={{ height: 16 }} />
          <ProblemActions problem={problem} />
          <div style={{ height: 16 }} />
          <ProblemHistoryCard problem={problem} />
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 10, order: 2 }}>
          <ProblemClockCard problem={problem} />
          <div style={{ height: 16 }} />
          <ProblemAttachmentsCard problem={problem} />
        </Col>
      </Row>
    </div>
  );
}

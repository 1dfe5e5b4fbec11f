import { Button, Card, List, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PROBLEM_STATE_LABELS } from '@keyprojects/core';
import { Link, useNavigate } from 'react-router';
import { useProblemList } from '../../api/problems.ts';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { ClockTag } from '../problems/ClockTag.tsx';
import { STATE_COLORS } from '../problems/problemColumns.tsx';

/** The project's problems (问题清单) with their clocks, and a button to raise one. */
export function ProjectProblemsCard({ projectId }: { projectId: number }) {
  const { t, label } = useLocale();
  const { can, user } = useSession();
  const navigate = useNavigate();
  const list = useProblemList({ projectId, limit: 50 });
  if (!can('problem.read')) return null;
  const mayRaise = can('problem.work') && user?.role !== 'responsible_unit';
  return (
    <Card
      size="small"
      title={t('problem.projectCard')}
      extra={
        mayRaise && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            data-testid="project-problem-raise"
            onClick={() => void navigate(`/problems/new?projectId=${projectId}`)}
          >
            {t('problem.raise')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('problem.projectCard.empty') }}
        renderItem={(p) => (
          <List.Item>
            <Link to={`/problems/${p.id}`}>{p.title}</Link>
            <span>
              <ClockTag item={p} />
              <Tag color={STATE_COLORS[p.state]}>{label(PROBLEM_STATE_LABELS[p.state])}</Tag>
              <Typography.Text type="secondary">{p.unitName ?? ''}</Typography.Text>
            </span>
          </List.Item>
        )}
      />
    </Card>
  );
}

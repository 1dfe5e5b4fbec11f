import { Button, Flex, Result, Space, Tag } from 'antd';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useProject } from '../../api/projects.ts';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AuditHistory } from './AuditHistory.tsx';
import { DeleteProjectButton } from './DeleteProjectButton.tsx';
import { ProjectBasicCard } from './ProjectBasicCard.tsx';
import { ProjectInvestmentCard } from './ProjectInvestmentCard.tsx';
import { ProjectLifecycleCard } from './ProjectLifecycleCard.tsx';
import { ProjectManagementCard } from './ProjectManagementCard.tsx';
import { ProjectProblemsCard } from './ProjectProblemsCard.tsx';
import { ProjectReportHistoryCard } from './ProjectReportHistoryCard.tsx';
import { ProjectScheduleCard } from './ProjectScheduleCard.tsx';
import { ProjectPlanCard } from './ProjectPlanCard.tsx';
import { ProjectWarningsCard } from './ProjectWarningsCard.tsx';
import { ProjectSiteCard } from './ProjectSiteCard.tsx';
import { ProjectVisitsCard } from './ProjectVisitsCard.tsx';
import { ProjectLeadLink } from '../attraction/ProjectLeadLink.tsx';
import { FundingHistoryCard } from '../financing/FundingHistoryCard.tsx';

/** Everything about one project, with edit and delete for those allowed, and its change history. */
export default function ProjectDetailPage() {
  const { t, locale } = useLocale();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const query = useProject(id);
  const { codelists } = useCodelists();

  const location = useLocation();
  // Back to the list as it was (filters, page); opened from a link, there is no "as it was": go to the list.
  const handleBack = () => void (location.key === 'default' ? navigate('/projects') : navigate(-1));
  const handleList = () => void navigate('/projects');
  const handleEdit = () => void navigate(`/projects/${id}/edit`);

  if (!can('project.read')) return <Forbidden />;
  if (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404)) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('error.projectNotFound')}
        extra={<Button onClick={handleList}>{t('common.backHome')}</Button>}
      />
    );
  }
  if (query.isError) {
    return (
      <Result
        status="error"
        subTitle={query.error.message}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const project = query.data;
  if (!project) return <PageLoading />;

  return (
    <div className="kp-page">
      <PageHeader
        title={project.name}
        sub={
          <Space size={8} wrap>
            <span className="kp-nowrap">{project.code}</span>
            <span>{project.regionName}</span>
            <Tag color="blue">{codeLabel(codelists.stages, project.stage, locale)}</Tag>
            <ProjectLeadLink projectId={project.id} />
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={handleBack}>
              {t('common.back')}
            </Button>
            {can('project.update') && (
              <Button type="primary" icon={<EditOutlined />} onClick={handleEdit}>
                {t('project.edit')}
              </Button>
            )}
            {can('project.delete') && <DeleteProjectButton project={project} />}
          </>
        }
      />
      <Flex vertical gap={12}>
        <ProjectWarningsCard projectId={project.id} />
        <ProjectBasicCard project={project} />
        <ProjectInvestmentCard project={project} />
        <FundingHistoryCard projectId={project.id} />
        <ProjectScheduleCard project={project} />
        <ProjectLifecycleCard projectId={project.id} />
        <ProjectPlanCard projectId={project.id} />
        <ProjectReportHistoryCard projectId={project.id} />
        <ProjectProblemsCard projectId={project.id} />
        <ProjectManagementCard project={project} />
        <ProjectSiteCard project={project} />
        <ProjectVisitsCard project={project} />
        <AuditHistory projectId={project.id} />
      </Flex>
    </div>
  );
}

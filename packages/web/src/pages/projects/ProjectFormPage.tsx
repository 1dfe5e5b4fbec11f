import { Button, Result } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useProject } from '../../api/projects.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { emptyFormValues, toFormValues } from './formValues.ts';
import { ProjectForm } from './ProjectForm.tsx';

/** /projects/new and /projects/:id/edit. */
export default function ProjectFormPage() {
  const t = useT();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const params = useParams();
  const isEdit = params.id !== undefined;
  const id = isEdit ? Number(params.id) : 0;
  const query = useProject(id);

  const handleList = () => void navigate('/projects');
  const handleReload = () => void query.refetch();

  if (!can(isEdit ? 'project.update' : 'project.create')) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('form.forbidden')}
        extra={<Button onClick={handleList}>{t('common.backHome')}</Button>}
      />
    );
  }
  if (isEdit && (!Number.isInteger(id) || id <= 0 || (query.error instanceof ApiError && query.error.status === 404))) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('error.projectNotFound')}
        extra={<Button onClick={handleList}>{t('common.backHome')}</Button>}
      />
    );
  }
  if (isEdit && query.isError) {
    return (
      <Result
        status="error"
        subTitle={query.error.message}
        extra={<Button onClick={handleReload}>{t('common.retry')}</Button>}
      />
    );
  }
  const project = query.data;
  if (isEdit && !project) return <PageLoading />;

  return (
    <div className="kp-page">
      <PageHeader
        title={isEdit ? t('form.editTitle') : t('form.newTitle')}
        sub={project ? `${project.name} · ${project.code}` : undefined}
      />
      <ProjectForm
        // A reload after a conflict brings a new version: start the form afresh from it.
        key={project ? `${project.id}-${project.version}` : 'new'}
        project={project}
        initialValues={project ? toFormValues(project) : emptyFormValues(user?.regionCode ?? undefined)}
        onReload={handleReload}
      />
    </div>
  );
}

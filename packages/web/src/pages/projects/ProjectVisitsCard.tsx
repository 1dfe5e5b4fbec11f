import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ProjectOutput } from '@keyprojects/core';
import { useProjectVisits } from '../../api/visits.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { VisitFormModal } from '../service/VisitFormModal.tsx';
import { VisitList } from '../service/VisitList.tsx';

/** The project's service visits (走访记录), with "记录走访" for the project's own officer. */
export function ProjectVisitsCard({ project }: { project: ProjectOutput }) {
  const t = useT();
  const { can, user } = useSession();
  const readable = can('visit.read');
  const query = useProjectVisits(project.id, readable);
  const [recording, setRecording] = useState(false);
  if (!readable) return null;
  const isOfficer = can('visit.write') && user?.id === project.serviceOfficerId;
  return (
    <Card
      size="small"
      title={t('visit.title')}
      extra={
        isOfficer && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('service.record')}
          </Button>
        )
      }
    >
      {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
      <VisitList visits={query.data?.items ?? []} loading={query.isLoading} />
      {isOfficer && (
        <VisitFormModal
          open={recording}
          projects={[{ id: project.id, name: project.name }]}
          projectId={project.id}
          onClose={() => setRecording(false)}
        />
      )}
    </Card>
  );
}

/** On a project page: a link back to the attraction lead the project came from (nothing when there is none). */
import { Link } from 'react-router';
import { Tag } from 'antd';
import { useLeads } from '../../api/attraction.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

export function ProjectLeadLink({ projectId }: { projectId: number }) {
  const t = useT();
  const { can } = useSession();
  const allowed = can('attraction.read');
  const leads = useLeads({ projectId }, allowed);
  const lead = leads.data?.items[0];
  if (!allowed || !lead) return null;
  return (
    <Link to={`/attraction?lead=${lead.id}`} data-testid="project-lead-link">
      <Tag color="purple">{t('attraction.fromLead', { investor: lead.investor })}</Tag>
    </Link>
  );
}

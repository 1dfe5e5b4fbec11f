import { Card, Descriptions, Tag, type DescriptionsProps } from 'antd';
import { PROJECT_FIELD_LABELS, type ProjectOutput } from '@keyprojects/core';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { DESCRIPTION_PROPS } from './descriptionLayout.ts';
import { formatDateTime } from '../../lib/format.ts';
import { tagColor, tagLabel } from '../../lib/tags.ts';

/** Stage, financing, the people responsible, tags and statistics status of a project. */
export function ProjectManagementCard({ project }: { project: ProjectOutput }) {
  const { t, label, locale } = useLocale();
  const { codelists } = useCodelists();
  const none = t('common.none');

  const items: DescriptionsProps['items'] = [
    {
      key: 'stage',
      label: label(PROJECT_FIELD_LABELS.stage),
      children: <Tag color="blue">{codeLabel(codelists.stages, project.stage, locale)}</Tag>,
    },
    {
      key: 'financingModel',
      label: label(PROJECT_FIELD_LABELS.financingModel),
      children: codeLabel(codelists.financingModels, project.financingModel, locale) || none,
    },
    {
      key: 'serviceOfficer',
      label: label(PROJECT_FIELD_LABELS.serviceOfficerId),
      children: project.serviceOfficerName ?? none,
    },
    {
      key: 'responsibleLeader',
      label: label(PROJECT_FIELD_LABELS.responsibleLeader),
      children: project.responsibleLeader ?? none,
    },
    {
      key: 'responsibleUnit',
      label: label(PROJECT_FIELD_LABELS.responsibleUnit),
      children: project.responsibleUnit ?? none,
    },
    { key: 'contactPerson', label: label(PROJECT_FIELD_LABELS.contactPerson), children: project.contactPerson ?? none },
    { key: 'contactPhone', label: label(PROJECT_FIELD_LABELS.contactPhone), children: project.contactPhone ?? none },
    {
      key: 'tags',
      label: label(PROJECT_FIELD_LABELS.tags),
      children: project.tags.length
        ? project.tags.map((tag) => (
            <Tag key={tag} color={tagColor(tag)}>
              {tagLabel(tag, locale)}
            </Tag>
          ))
        : none,
    },
    {
      key: 'inStatistics',
      label: label(PROJECT_FIELD_LABELS.inStatistics),
      children: project.inStatistics ? <Tag color="green">{t('common.yes')}</Tag> : <Tag>{t('common.no')}</Tag>,
    },
    {
      key: 'inStatisticsSince',
      label: label(PROJECT_FIELD_LABELS.inStatisticsSince),
      children: project.inStatisticsSince ?? none,
    },
    { key: 'createdAt', label: t('detail.createdAt'), children: formatDateTime(project.createdAt) },
    { key: 'updatedAt', label: t('detail.updatedAt'), children: formatDateTime(project.updatedAt) },
    { key: 'version', label: t('detail.version'), children: project.version },
  ];

  return (
    <Card title={t('detail.management')} size="small">
      <Descriptions items={items} {...DESCRIPTION_PROPS} />
    </Card>
  );
}

import { Card, Descriptions, Tag, Typography, type DescriptionsProps } from 'antd';
import { PROJECT_FIELD_LABELS, type ProjectOutput } from '@keyprojects/core';
import { codeLabel, useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { DESCRIPTION_COLUMNS, DESCRIPTION_PROPS } from './descriptionLayout.ts';

/** Identity, owner, place and classification of a project. */
export function ProjectBasicCard({ project }: { project: ProjectOutput }) {
  const { t, label, locale } = useLocale();
  const { codelists } = useCodelists();
  const none = t('common.none');

  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: label(PROJECT_FIELD_LABELS.code),
      children: <Typography.Text copyable>{project.code}</Typography.Text>,
    },
    { key: 'name', label: label(PROJECT_FIELD_LABELS.name), children: project.name },
    { key: 'owner', label: label(PROJECT_FIELD_LABELS.ownerOrgId), children: project.ownerName },
    { key: 'ownerCreditCode', label: t('detail.ownerCreditCode'), children: project.ownerCreditCode ?? none },
    {
      key: 'region',
      label: label(PROJECT_FIELD_LABELS.regionCode),
      children: `${project.regionName}（${project.regionCode}）`,
    },
    {
      key: 'levels',
      label: label(PROJECT_FIELD_LABELS.levels),
      children: project.levels.map((level) => <Tag key={level}>{codeLabel(codelists.levels, level, locale)}</Tag>),
    },
    {
      key: 'category',
      label: label(PROJECT_FIELD_LABELS.category),
      children: codeLabel(codelists.categories, project.category, locale),
    },
    {
      key: 'industry',
      label: label(PROJECT_FIELD_LABELS.industry),
      children: codeLabel(codelists.industries, project.industry, locale) || none,
    },
    {
      key: 'nature',
      label: label(PROJECT_FIELD_LABELS.nature),
      children: codeLabel(codelists.natures, project.nature, locale),
    },
    { key: 'address', label: label(PROJECT_FIELD_LABELS.address), children: project.address ?? none },
    // Twelve items above, so the construction content below always starts a row of its own.
    { key: 'longitude', label: label(PROJECT_FIELD_LABELS.longitude), children: project.longitude ?? none },
    { key: 'latitude', label: label(PROJECT_FIELD_LABELS.latitude), children: project.latitude ?? none },
    {
      key: 'constructionContent',
      label: label(PROJECT_FIELD_LABELS.constructionContent),
      span: DESCRIPTION_COLUMNS,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{project.constructionContent ?? none}</span>,
    },
  ];

  return (
    <Card title={t('detail.basic')} size="small">
      <Descriptions items={items} {...DESCRIPTION_PROPS} />
    </Card>
  );
}

import { Button, Card, Empty, List, Tag, Typography } from 'antd';
import type { RankingEditionSummary, RankingSchemeId } from '@keyprojects/core';
import { useRankingEditions } from '../../api/ranking.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { periodLabel } from './rankingPeriod.ts';

/** 已发布版本: the scheme's published editions, newest first, each opened frozen as it was published. */
export function EditionsCard({
  schemeId,
  openId,
  onOpen,
}: {
  schemeId: RankingSchemeId;
  openId: number | null;
  onOpen: (edition: RankingEditionSummary) => void;
}) {
  const t = useT();
  const editions = useRankingEditions({ scheme: schemeId });
  return (
    <Card size="small" title={t('ranking.editions')} data-testid="ranking-editions">
      {editions.isError && <RetryAlert message={editions.error.message} onRetry={() => void editions.refetch()} />}
      <List
        size="small"
        loading={editions.isLoading}
        dataSource={editions.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ranking.editions.empty')} /> }}
        renderItem={(edition) => (
          <List.Item
            actions={[
              <Button
                key="open"
                size="small"
                type={edition.id === openId ? 'primary' : 'default'}
                onClick={() => onOpen(edition)}
                data-testid="edition-open"
              >
                {t('ranking.editions.open')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={
                <span>
                  {periodLabel(edition.period, t)}{' '}
                  <Tag color="blue">{t('ranking.edition', { n: edition.edition })}</Tag>
                  <Typography.Text type="secondary">v{edition.schemeVersion}</Typography.Text>
                </span>
              }
              description={
                <span>
                  <AppTime at={edition.publishedAt} effective={edition.effectiveAt.publishedAt} /> ·{' '}
                  {edition.publishedBy}
                  {edition.leader && ` · ${edition.leader.unitName} ${edition.leader.points}`}
                </span>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

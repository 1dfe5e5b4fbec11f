import { App, Button } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { RankingEdition, RankingSchemeId } from '@keyprojects/core';
import { publishRanking, useInvalidateRankings } from '../../api/ranking.ts';
import { errorMessage } from '../../api/client.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

interface PublishButtonProps {
  schemeId: RankingSchemeId;
  schemeName: string;
  period: string;
  periodText: string;
  /** Called with the edition published (or the one that existed), to show it. */
  onPublished: (edition: RankingEdition) => void;
}

/** 发布排名 (the city only): after a confirmation, freezes the period's ranking as an edition and opens it. */
export function PublishButton({ schemeId, schemeName, period, periodText, onPublished }: PublishButtonProps) {
  const t = useT();
  const { can } = useSession();
  const { modal, message } = App.useApp();
  const invalidate = useInvalidateRankings();
  if (!can('ranking.publish')) return null;

  const handlePublish = () => {
    modal.confirm({
      title: t('ranking.publish.confirmTitle', { period: periodText }),
      content: t('ranking.publish.confirmBody', { scheme: schemeName }),
      okText: t('ranking.publish'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const { created, edition } = await publishRanking({ scheme: schemeId, period });
          const name = `${periodText} ${t('ranking.edition', { n: edition.edition })}`;
          void message.success(t(created ? 'ranking.publish.ok' : 'ranking.publish.existing', { edition: name }));
          await invalidate();
          onPublished(edition);
        } catch (cause) {
          void message.error(errorMessage(cause));
        }
      },
    });
  };
  return (
    <Button type="primary" icon={<SendOutlined />} onClick={handlePublish} data-testid="ranking-publish">
      {t('ranking.publish')}
    </Button>
  );
}

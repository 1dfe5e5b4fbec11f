import { useState } from 'react';
import { Button, Card, Empty, Select, Space } from 'antd';
import {
  useFinancingActions,
  useFinancingEdition,
  useFinancingEditions,
  useFinancingMatches,
} from '../../api/financing.ts';
import { ExportButton } from '../../components/ExportButton.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { EditionTable } from './EditionTable.tsx';
import { MatchesTable } from './MatchesTable.tsx';

/** 融资对接 (a financial institution's view): the published editions, interest in a need, and its own matches. */
export default function InstitutionPage() {
  const { t } = useLocale();
  const { can, user } = useSession();
  const editions = useFinancingEditions();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const editionId = chosen ?? editions.data?.items[0]?.id;
  const edition = useFinancingEdition(editionId);
  const matches = useFinancingMatches();
  const { interest } = useFinancingActions();
  if (!can('financing.edition.read')) return <Forbidden />;
  const own = user?.role === 'financial_institution';
  const taken = new Set((matches.data?.items ?? []).filter((m) => m.editionId === editionId).map((m) => m.needId));
  return (
    <div className="kp-page">
      <PageHeader title={t('financing.institutionView')} sub={t('financing.institutionSub')} />
      {editions.isError && <RetryAlert message={editions.error.message} onRetry={() => void editions.refetch()} />}
      <Card
        size="small"
        style={{ marginBottom: 12 }}
        title={
          <Space wrap>
            {t('financing.editions')}
            <Select
              aria-label={t('financing.edition')}
              style={{ minWidth: 140 }}
              value={editionId}
              onChange={setChosen}
              options={(editions.data?.items ?? []).map((e) => ({
                value: e.id,
                label: `${e.code}（${e.publishedOn}）`,
              }))}
            />
          </Space>
        }
        extra={editionId !== undefined && <ExportButton name="financing-edition" query={{ editionId }} />}
      >
        {editionId === undefined ? (
          <Empty description={t('financing.noEdition')} />
        ) : (
          <EditionTable
            items={edition.data?.items ?? []}
            action={
              own
                ? (item) =>
                    taken.has(item.needId) ? (
                      t('financing.interestDone')
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        loading={interest.isPending}
                        onClick={() => interest.mutate({ id: editionId, needId: item.needId, body: {} })}
                      >
                        {t('financing.interest')}
                      </Button>
                    )
                : undefined
            }
          />
        )}
      </Card>
      <Card size="small" title={t('financing.matches')} extra={<ExportButton name="financing-matches" query={{}} />}>
        <MatchesTable items={matches.data?.items ?? []} canMove={can('financing.match')} />
      </Card>
    </div>
  );
}

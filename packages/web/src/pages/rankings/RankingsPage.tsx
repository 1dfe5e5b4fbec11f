import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Grid, Row, Select, Skeleton, Tag, Typography } from 'antd';
import { ExperimentOutlined, FileExcelOutlined, RollbackOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import type { DataQualityDistrict, RankingResult, RankingSchemeId, RankingUnitItem } from '@keyprojects/core';
import {
  editionExportUrl,
  rankingExportUrl,
  useDataQuality,
  useRanking,
  useRankingEdition,
  useRankingSchemes,
} from '../../api/ranking.ts';
import { AppTime } from '../../components/AppTime.tsx';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { appTodayIso } from '../../lib/appDate.ts';
import { useSession } from '../../session/useSession.ts';
import { DataQualityCard } from './DataQualityCard.tsx';
import { EditionsCard } from './EditionsCard.tsx';
import { PublishButton } from './PublishButton.tsx';
import { RankingChart } from './RankingChart.tsx';
import { RankingTable } from './RankingTable.tsx';
import { ScoreDrawer } from './ScoreDrawer.tsx';
import { WhatIfPanel } from './WhatIfPanel.tsx';
import { periodChoices, periodLabel, periodOfDate } from './rankingPeriod.ts';

/**
 * 赛马排名: the districts ranked by a scheme for a period (bars with movement, a table with data quality beside it),
 * each score explained term by term; a what-if panel that recomputes without publishing; publishing (the city) and
 * the published editions, frozen; Excel export. The scheme, period and opened edition live in the address.
 */
export default function RankingsPage() {
  const t = useT();
  const { can, today } = useSession();
  const compact = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const schemes = useRankingSchemes();
  const items = schemes.data?.items ?? [];
  const chosen = items.find((item) => item.scheme.id === params.get('scheme')) ?? items[0];
  const schemeId = chosen?.scheme.id as RankingSchemeId | undefined;
  const appToday = today ?? appTodayIso();
  const period =
    params.get('period') ?? chosen?.defaultPeriod ?? (chosen ? periodOfDate(chosen.scheme.period, appToday) : '');
  const editionId = Number(params.get('edition')) || null;

  const query = schemeId && period ? { scheme: schemeId, period } : null;
  const live = useRanking(editionId === null ? query : null);
  const edition = useRankingEdition(editionId);
  const quality = useDataQuality(period ? { period: edition.data?.period ?? period } : null);
  const [whatIfOpen, setWhatIfOpen] = useState(false);
  const [simulated, setSimulated] = useState<RankingResult | null>(null);
  const [picked, setPicked] = useState<string | null>(null);

  const qualityByUnit = useMemo(
    () => new Map<string, DataQualityDistrict>((quality.data?.districts ?? []).map((d) => [d.regionCode, d])),
    [quality.data],
  );
  const baseline = useMemo(
    () => (simulated && live.data ? new Map(live.data.units.map((u) => [u.unitCode, u.rank])) : undefined),
    [simulated, live.data],
  );

  if (!can('ranking.read')) return <Forbidden />;

  const setQuery = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
    setSimulated(null);
  };
  const mode = editionId !== null ? 'edition' : simulated ? 'whatIf' : 'live';
  const shown = mode === 'edition' ? edition.data : mode === 'whatIf' ? simulated : live.data;
  const units: readonly RankingUnitItem[] = shown?.units ?? [];
  const pickedUnit = units.find((unit) => unit.unitCode === picked) ?? null;
  const periodText = periodLabel(shown?.period ?? period, t);
  const failed = mode === 'edition' ? edition.error : live.error;

  const controls = chosen && schemeId && (
    <>
      <Select
        aria-label={t('ranking.scheme')}
        style={{ width: compact ? '100%' : 260 }}
        value={schemeId}
        options={items.map((item) => ({ value: item.scheme.id, label: `${item.scheme.name}（${item.periodLabel}）` }))}
        onChange={(value) => setQuery({ scheme: value, period: null, edition: null })}
        data-testid="ranking-scheme"
      />
      <Select
        aria-label={t('ranking.period')}
        style={{ width: compact ? 'calc(50% - 4px)' : 160 }}
        value={period}
        options={periodChoices(chosen.scheme.period, appToday).map((code) => ({
          value: code,
          label: periodLabel(code, t),
        }))}
        onChange={(value) => setQuery({ period: value, edition: null })}
        data-testid="ranking-period"
      />
      {mode !== 'edition' && (
        <Button
          icon={<ExperimentOutlined />}
          type={whatIfOpen ? 'primary' : 'default'}
          ghost={whatIfOpen}
          onClick={() => {
            setWhatIfOpen(!whatIfOpen);
            setSimulated(null);
          }}
          data-testid="ranking-what-if"
        >
          {t('ranking.whatIf.open')}
        </Button>
      )}
      <Button
        icon={<FileExcelOutlined />}
        href={editionId !== null ? editionExportUrl(editionId) : rankingExportUrl({ scheme: schemeId, period })}
        data-testid="ranking-export"
      >
        {t('ranking.export')}
      </Button>
      {mode !== 'edition' && (
        <PublishButton
          schemeId={schemeId}
          schemeName={t('ranking.schemeVersion', { name: chosen.scheme.name, version: chosen.scheme.version })}
          period={period}
          periodText={periodText}
          onPublished={(published) => setQuery({ period: published.period, edition: String(published.id) })}
        />
      )}
    </>
  );

  return (
    <div className="kp-page">
      <PageHeader
        title={t('ranking.title')}
        sub={
          shown &&
          t('ranking.sub', {
            scheme: t('ranking.schemeVersion', { name: shown.schemeName, version: shown.schemeVersion }),
            period: periodText,
            count: shown.units.length,
          })
        }
        extra={controls}
      />
      {schemes.isError && <RetryAlert message={schemes.error.message} onRetry={() => void schemes.refetch()} />}
      {mode === 'edition' && edition.data && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="edition-banner"
          title={
            <span>
              {t('ranking.editions.frozen', {
                edition: t('ranking.edition', { n: edition.data.edition }),
                period: periodText,
              })}{' '}
              · {t('ranking.editions.publishedAt')}{' '}
              <AppTime at={edition.data.publishedAt} effective={edition.data.effectiveAt.publishedAt} />
            </span>
          }
          action={
            <Button size="small" icon={<RollbackOutlined />} onClick={() => setQuery({ edition: null })}>
              {t('ranking.editions.backToLive')}
            </Button>
          }
        />
      )}
      {whatIfOpen && mode !== 'edition' && chosen && schemeId && (
        <div style={{ marginBottom: 16 }}>
          <WhatIfPanel
            key={`${schemeId}:${period}`}
            schemeId={schemeId}
            scheme={chosen.scheme}
            period={period}
            onResult={setSimulated}
          />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={
              <span>
                {periodText}{' '}
                {mode === 'whatIf' ? (
                  <Tag color="orange" data-testid="what-if-badge">
                    {t('ranking.whatIf.badge')}
                  </Tag>
                ) : mode === 'edition' && edition.data ? (
                  <Tag color="blue">{t('ranking.edition', { n: edition.data.edition })}</Tag>
                ) : (
                  <Tag>{t('ranking.computed')}</Tag>
                )}
              </span>
            }
            extra={!compact && <Typography.Text type="secondary">{t('ranking.explainHint')}</Typography.Text>}
            style={mode === 'whatIf' ? { borderColor: '#ffd591' } : undefined}
          >
            {failed && (
              <RetryAlert
                message={failed.message}
                onRetry={() => void (mode === 'edition' ? edition.refetch() : live.refetch())}
              />
            )}
            {!shown && !failed ? (
              <Skeleton active />
            ) : (
              units.length > 0 && (
                <>
                  <RankingChart units={units} compact={compact} onPick={(unit) => setPicked(unit.unitCode)} />
                  <RankingTable
                    units={units}
                    quality={shown?.unitKind === 'department' ? undefined : qualityByUnit}
                    baseline={baseline}
                    compact={compact}
                    onPick={(unit) => setPicked(unit.unitCode)}
                  />
                </>
              )
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <DataQualityCard
                data={quality.data}
                loading={quality.isFetching}
                error={quality.error}
                onRetry={() => void quality.refetch()}
                compact={compact}
              />
            </Col>
            {schemeId && (
              <Col span={24}>
                <EditionsCard
                  schemeId={schemeId}
                  openId={editionId}
                  onOpen={(opened) => setQuery({ period: opened.period, edition: String(opened.id) })}
                />
              </Col>
            )}
          </Row>
        </Col>
      </Row>
      <ScoreDrawer
        unit={pickedUnit}
        compact={compact}
        badge={
          mode === 'whatIf'
            ? t('ranking.whatIf.badge')
            : mode === 'edition' && edition.data
              ? t('ranking.edition', { n: edition.data.edition })
              : undefined
        }
        onClose={() => setPicked(null)}
      />
    </div>
  );
}

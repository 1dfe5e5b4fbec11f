import { Button, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { DataQualityDistrict, RankingUnitItem } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { MovementTag } from './MovementTag.tsx';

interface RankingTableProps {
  units: readonly RankingUnitItem[];
  /** The districts' data-quality scores by region code; undefined for departments (the column is left out). */
  quality: ReadonlyMap<string, DataQualityDistrict> | undefined;
  /** In what-if mode: each unit's rank in the computed ranking, to show how the simulation moves it. */
  baseline?: ReadonlyMap<string, number> | undefined;
  compact: boolean;
  onPick: (unit: RankingUnitItem) => void;
}

/** The ranked units: rank, unit (opens the explanation), score, movement and data quality beside it. */
export function RankingTable({ units, quality, baseline, compact, onPick }: RankingTableProps) {
  const t = useT();
  const qualityOf = (unit: RankingUnitItem) => quality?.get(unit.unitCode)?.points ?? t('common.none');
  const columns: TableColumnsType<RankingUnitItem> = [
    {
      key: 'rank',
      title: t('ranking.col.rank'),
      width: compact ? 52 : 64,
      align: 'center',
      render: (_, unit) => (
        <Flex vertical align="center">
          <Typography.Text strong>{unit.rank}</Typography.Text>
          {compact && <MovementTag movement={unit.movement} />}
        </Flex>
      ),
    },
    {
      key: 'unit',
      title: t('ranking.col.unit'),
      render: (_, unit) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onPick(unit)}
        >
          {unit.unitName}
        </Button>
      ),
    },
    {
      key: 'score',
      title: t('ranking.col.score'),
      align: 'right',
      width: compact ? 72 : 96,
      render: (_, unit) => (
        <Typography.Text strong className="kp-nowrap" data-testid="ranking-score">
          {unit.points}
        </Typography.Text>
      ),
    },
    ...(compact
      ? []
      : [
          {
            key: 'movement',
            title: t('ranking.col.movement'),
            align: 'center' as const,
            width: 88,
            render: (_: unknown, unit: RankingUnitItem) => <MovementTag movement={unit.movement} />,
          },
        ]),
    // What-if compares ranks with the live ranking; otherwise the districts' data quality sits beside the score.
    ...(baseline
      ? [
          {
            key: 'delta',
            title: t('ranking.whatIf.delta'),
            align: 'center' as const,
            width: compact ? 64 : 120,
            render: (_: unknown, unit: RankingUnitItem) => {
              const before = baseline.get(unit.unitCode);
              return before === undefined ? null : <MovementTag movement={before - unit.rank} />;
            },
          },
        ]
      : []),
    ...(!baseline && quality
      ? [
          {
            key: 'quality',
            title: t('ranking.col.quality'),
            align: 'right' as const,
            width: compact ? 64 : 96,
            render: (_: unknown, unit: RankingUnitItem) => <Tag variant="filled">{qualityOf(unit)}</Tag>,
          },
        ]
      : []),
  ];
  return (
    <Table<RankingUnitItem>
      rowKey="unitCode"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={[...units]}
      pagination={false}
      scroll={{ x: true }}
      data-testid="ranking-table"
    />
  );
}

/**
 * The column mapping of a project ledger's preview: each column of the file (its header as written, both rows of a
 * two-row header) with the field it was taken for and the period read from it, a way to correct it, the region of a
 * file without a region column, and the organisations the import will create. 重新检查 runs the dry run again.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Flex, Grid, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import {
  PERIODIC_LEDGER_KEYS,
  PROJECT_LEDGER_MAPPABLE_KEYS,
  projectLedgerColumn,
  type LedgerColumnMapping,
  type LedgerImportResult,
} from '@keyprojects/core';
import type { ProjectLedgerChoices } from '../../api/ledger.ts';
import { useScopeRegions } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';

interface ImportMappingProps {
  preview: LedgerImportResult;
  choices: ProjectLedgerChoices;
  /** The application's year (TODAY): the periods offered for plan and year-to-date columns; null while unknown. */
  year: number | null;
  checking: boolean;
  onRecheck: (choices: ProjectLedgerChoices) => void;
}

/** One column of the file in the mapping table. */
interface MappingRow {
  column: string;
  header: string;
  field: string;
  period?: string | undefined;
  corrected?: boolean | undefined;
}

const IGNORE = 'ignore';
const byLetter = (a: { column: string }, b: { column: string }) =>
  a.column.length - b.column.length || a.column.localeCompare(b.column);

/** The mapping table with its corrections, the file's region and the owners to be created. */
export function ImportMapping({ preview, choices, year, checking, onRecheck }: ImportMappingProps) {
  const { t, locale } = useLocale();
  const regions = useScopeRegions();
  const [mapping, setMapping] = useState<LedgerColumnMapping>(choices.mapping ?? {});
  const [region, setRegion] = useState<string | undefined>(choices.region);

  const rows: MappingRow[] = useMemo(
    () =>
      [
        ...preview.columns,
        ...preview.ignoredColumns.map((column) => ({ column: column.column, header: column.header, field: IGNORE })),
      ].sort(byLetter),
    [preview],
  );
  const options = useMemo(
    () =>
      fieldOptions(year, locale, {
        ignore: t('ledger.map.ignore'),
        plan: (y) => t('ledger.map.plan', { year: y }),
        ytd: (y, month) => t('ledger.map.ytd', { year: y, month }),
      }),
    [year, locale, t],
  );
  const regionMissing = !preview.columns.some((column) => column.field === 'region');
  const counties = (regions.data ?? []).filter((item) => item.level === 'county');
  const changed = JSON.stringify(mapping) !== JSON.stringify(choices.mapping ?? {}) || region !== choices.region;

  const handleField = (column: string, field: string) => setMapping((current) => ({ ...current, [column]: field }));
  const handleRecheck = () => onRecheck({ mapping, ...(region ? { region } : {}) });

  // On a phone the header and the 导入为 choice share one cell, the choice under the header at the full width.
  const compact = Grid.useBreakpoint().sm === false;
  const header = (row: MappingRow) => (
    <Typography.Text>
      {row.header}
      {row.period && <Tag style={{ marginInlineStart: 6 }}>{row.period}</Tag>}
    </Typography.Text>
  );
  const field = (row: MappingRow) => (
    <Select
      size="small"
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: '100%', minWidth: compact ? 0 : 180 }}
      value={mapping[row.column] ?? row.field}
      options={withCurrent(options, row, locale)}
      onChange={(value: string) => handleField(row.column, value)}
      aria-label={t('ledger.map.fieldOf', { column: row.column })}
      status={row.corrected || mapping[row.column] !== undefined ? 'warning' : undefined}
    />
  );
  const letter = { title: t('ledger.col.column'), dataIndex: 'column', key: 'column', width: compact ? 40 : 56 };
  const columns: TableColumnsType<MappingRow> = compact
    ? [
        letter,
        {
          title: `${t('ledger.map.header')} → ${t('ledger.map.field')}`,
          key: 'mapping',
          render: (_: unknown, row) => (
            <Flex vertical gap={4}>
              {header(row)}
              {field(row)}
            </Flex>
          ),
        },
      ]
    : [
        letter,
        { title: t('ledger.map.header'), key: 'header', render: (_: unknown, row) => header(row) },
        { title: t('ledger.map.field'), key: 'field', width: 260, render: (_: unknown, row) => field(row) },
      ];

  return (
    <Flex vertical gap={12} data-testid="import-mapping">
      <Typography.Text type="secondary">{t('ledger.map.hint')}</Typography.Text>
      <Table<MappingRow>
        rowKey="column"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={compact ? { y: 420 } : { x: 'max-content', y: 360 }}
      />
      {regionMissing && (
        <Flex gap={8} align="center" wrap>
          <Typography.Text>{t('ledger.map.region')}</Typography.Text>
          <Select
            style={{ minWidth: 200 }}
            allowClear
            placeholder={t('ledger.map.regionPlaceholder')}
            value={region}
            loading={regions.isLoading}
            options={counties.map((item) => ({ value: item.code, label: item.name }))}
            onChange={(value: string | undefined) => setRegion(value)}
            data-testid="import-region"
          />
        </Flex>
      )}
      {preview.newOrganizations.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('ledger.newOrgsTitle', { count: preview.newOrganizations.length })}
          description={preview.newOrganizations.join('、')}
          data-testid="import-new-orgs"
        />
      )}
      <Flex justify="flex-end">
        <Button icon={<SyncOutlined />} disabled={!changed} loading={checking} onClick={handleRecheck}>
          {t('ledger.map.recheck')}
        </Button>
      </Flex>
    </Flex>
  );
}

/** The fields a column can be taken for: plain fields, plans of nearby years, year-to-date of this year's months. */
function fieldOptions(
  year: number | null,
  locale: 'zh' | 'en',
  labels: { ignore: string; plan: (year: number) => string; ytd: (year: number, month: number) => string },
) {
  const plain = PROJECT_LEDGER_MAPPABLE_KEYS.filter((key) => !PERIODIC_LEDGER_KEYS.includes(key)).map((key) => ({
    value: key,
    label: projectLedgerColumn(key).header[locale],
  }));
  if (year === null) return [{ value: IGNORE, label: labels.ignore }, ...plain];
  const plans = [year - 1, year, year + 1].map((y) => ({
    value: `annualPlan.${y}`,
    label: labels.plan(y),
  }));
  const ytd = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return { value: `completedYtd.${year}-${String(month).padStart(2, '0')}`, label: labels.ytd(year, month) };
  });
  return [{ value: IGNORE, label: labels.ignore }, ...plain, ...plans, ...ytd];
}

/** The options, with the row's own field added when it is a period the list does not offer. */
function withCurrent(options: { value: string; label: string }[], row: MappingRow, locale: 'zh' | 'en') {
  if (options.some((option) => option.value === row.field)) return options;
  const [key = ''] = row.field.split('.');
  const label = `${projectLedgerColumn(key as (typeof PROJECT_LEDGER_MAPPABLE_KEYS)[number]).header[locale]} ${row.period ?? ''}`;
  return [...options, { value: row.field, label }];
}

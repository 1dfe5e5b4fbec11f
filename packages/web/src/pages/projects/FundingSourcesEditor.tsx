import { Select } from 'antd';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { EditableSubTable, type SubTableColumn } from './EditableSubTable.tsx';
import type { FundingSourceValues } from './formValues.ts';
import { MoneyInput } from './MoneyInput.tsx';

const AMOUNTS = ['applied', 'approved', 'issued'] as const;
const newRow = (): FundingSourceValues => ({ applied: '', approved: '', issued: '' });

/** The project's funding sources (special bonds, central budget…) as an editable table. */
export function FundingSourcesEditor() {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const kindOptions = codelists.fundingSourceKinds.map((item) => ({ value: item.code, label: item[locale] }));
  const columns: SubTableColumn<FundingSourceValues>[] = [
    {
      field: 'kind',
      title: t('funding.kind'),
      rules: [{ required: true, message: t('form.required') }],
      input: (
        <Select
          options={kindOptions}
          style={{ width: 180 }}
          placeholder={t('form.select')}
          aria-label={t('funding.kind')}
        />
      ),
    },
    ...AMOUNTS.map((field) => ({
      field,
      title: t(`funding.${field}`),
      input: <MoneyInput style={{ width: 150 }} placeholder="0" aria-label={t(`funding.${field}`)} />,
    })),
  ];

  return (
    <EditableSubTable<FundingSourceValues>
      name="fundingSources"
      columns={columns}
      newRow={newRow}
      emptyText={t('detail.noFundingSources')}
      addLabel={t('form.addFunding')}
      testId="funding-sources-editor"
    />
  );
}

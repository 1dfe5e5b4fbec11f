import { Checkbox, InputNumber, Select } from 'antd';
import { useCodelists, useDefaultPlanYear } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import { EditableSubTable, type SubTableColumn } from './EditableSubTable.tsx';
import type { AnnualPlanValues } from './formValues.ts';
import { MoneyInput } from './MoneyInput.tsx';

/** The project's annual investment plans as an editable table (one row per year). */
export function AnnualPlansEditor() {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const natureOptions = codelists.natures.map((item) => ({ value: item.code, label: item[locale] }));
  const latestYear = useDefaultPlanYear();
  const required = [{ required: true, message: t('form.required') }];

  // A new row is the year after the last one; the first year of a project is new, later ones continuing.
  const newRow = (plans: readonly AnnualPlanValues[]): AnnualPlanValues => {
    const years = plans.map((plan) => plan.year ?? 0);
    return {
      year: years.length ? Math.max(...years) + 1 : latestYear,
      plannedInvestment: '',
      nature: plans.length ? 'continuing' : 'new',
      plannedNewStart: false,
    };
  };
  const columns: SubTableColumn<AnnualPlanValues>[] = [
    {
      field: 'year',
      title: t('plan.year'),
      width: 110,
      rules: required,
      input: <InputNumber min={2000} max={2100} precision={0} style={{ width: 96 }} aria-label={t('plan.year')} />,
    },
    {
      field: 'plannedInvestment',
      title: t('plan.plannedInvestment'),
      rules: required,
      input: <MoneyInput style={{ minWidth: 160 }} aria-label={t('plan.plannedInvestment')} />,
    },
    {
      field: 'nature',
      title: t('plan.nature'),
      width: 130,
      rules: required,
      input: <Select options={natureOptions} style={{ width: 110 }} aria-label={t('plan.nature')} />,
    },
    {
      field: 'plannedNewStart',
      title: t('plan.plannedNewStart'),
      width: 110,
      valuePropName: 'checked',
      input: <Checkbox aria-label={t('plan.plannedNewStart')} />,
    },
  ];

  return (
    <EditableSubTable<AnnualPlanValues>
      name="annualPlans"
      columns={columns}
      newRow={newRow}
      emptyText={t('detail.noAnnualPlans')}
      addLabel={t('form.addPlan')}
      testId="annual-plans-editor"
    />
  );
}

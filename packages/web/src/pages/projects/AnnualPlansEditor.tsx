import {
  Button,
  Checkbox,
  Form,
  InputNumber,
  Select,
  Table,
  type FormListFieldData,
  type TableColumnsType,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import type { AnnualPlanValues } from './formValues.ts';
import { MoneyInput } from './MoneyInput.tsx';

const CELL = { style: { marginBottom: 0 } };

/** The project's annual investment plans as an editable table (one row per year). */
export function AnnualPlansEditor() {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const form = Form.useFormInstance();
  const natureOptions = codelists.natures.map((item) => ({ value: item.code, label: item[locale] }));
  const latestYear = codelists.planYears.length ? Math.max(...codelists.planYears) : new Date().getFullYear();

  return (
    <Form.List name="annualPlans">
      {(fields, { add, remove }, { errors }) => {
        const handleAdd = () => {
          const plans = (form.getFieldValue('annualPlans') as AnnualPlanValues[] | undefined) ?? [];
          const years = plans.map((plan) => plan.year ?? 0);
          const year = years.length ? Math.max(...years) + 1 : latestYear;
          add({
            year,
            plannedInvestment: '',
            nature: plans.length ? 'continuing' : 'new',
            plannedNewStart: false,
          } satisfies AnnualPlanValues);
        };
        const required = { required: true, message: t('form.required') };
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('plan.year'),
            key: 'year',
            width: 110,
            render: (_, field) => (
              <Form.Item {...CELL} name={[field.name, 'year']} rules={[required]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: 96 }} aria-label={t('plan.year')} />
              </Form.Item>
            ),
          },
          {
            title: t('plan.plannedInvestment'),
            key: 'plannedInvestment',
            render: (_, field) => (
              <Form.Item {...CELL} name={[field.name, 'plannedInvestment']} rules={[required]}>
                <MoneyInput style={{ minWidth: 160 }} aria-label={t('plan.plannedInvestment')} />
              </Form.Item>
            ),
          },
          {
            title: t('plan.nature'),
            key: 'nature',
            width: 130,
            render: (_, field) => (
              <Form.Item {...CELL} name={[field.name, 'nature']} rules={[required]}>
                <Select options={natureOptions} style={{ width: 110 }} aria-label={t('plan.nature')} />
              </Form.Item>
            ),
          },
          {
            title: t('plan.plannedNewStart'),
            key: 'plannedNewStart',
            width: 110,
            render: (_, field) => (
              <Form.Item {...CELL} name={[field.name, 'plannedNewStart']} valuePropName="checked">
                <Checkbox aria-label={t('plan.plannedNewStart')} />
              </Form.Item>
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 48,
            render: (_, field) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(field.name)}
                aria-label={t('common.remove')}
              />
            ),
          },
        ];
        return (
          <div data-testid="annual-plans-editor">
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('detail.noAnnualPlans') }}
            />
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={handleAdd} style={{ marginTop: 8 }} block>
              {t('form.addPlan')}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}

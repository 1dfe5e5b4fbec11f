import { Button, Form, Select, Table, type FormListFieldData, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCodelists } from '../../api/reference.ts';
import { useLocale } from '../../i18n/useT.ts';
import type { FundingSourceValues } from './formValues.ts';
import { MoneyInput } from './MoneyInput.tsx';

const CELL = { style: { marginBottom: 0 } };
const AMOUNTS = ['applied', 'approved', 'issued'] as const;

/** The project's funding sources (special bonds, central budget…) as an editable table. */
export function FundingSourcesEditor() {
  const { t, locale } = useLocale();
  const { codelists } = useCodelists();
  const kindOptions = codelists.fundingSourceKinds.map((item) => ({ value: item.code, label: item[locale] }));

  return (
    <Form.List name="fundingSources">
      {(fields, { add, remove }, { errors }) => {
        const handleAdd = () => add({ applied: '', approved: '', issued: '' } satisfies FundingSourceValues);
        const columns: TableColumnsType<FormListFieldData> = [
          {
            title: t('funding.kind'),
            key: 'kind',
            render: (_, field) => (
              <Form.Item
                {...CELL}
                name={[field.name, 'kind']}
                rules={[{ required: true, message: t('form.required') }]}
              >
                <Select
                  options={kindOptions}
                  style={{ width: 180 }}
                  placeholder={t('form.select')}
                  aria-label={t('funding.kind')}
                />
              </Form.Item>
            ),
          },
          ...AMOUNTS.map((key) => ({
            title: t(`funding.${key}`),
            key,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item {...CELL} name={[field.name, key]}>
                <MoneyInput style={{ width: 150 }} placeholder="0" aria-label={t(`funding.${key}`)} />
              </Form.Item>
            ),
          })),
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
          <div data-testid="funding-sources-editor">
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('detail.noFundingSources') }}
            />
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={handleAdd} style={{ marginTop: 8 }} block>
              {t('form.addFunding')}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}

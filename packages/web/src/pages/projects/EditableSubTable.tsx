import type { ReactElement } from 'react';
import { Button, Form, Table, type FormListFieldData, type FormRule, type TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/useT.ts';

const CELL = { style: { marginBottom: 0 } };

/** One editable column: the row field it edits and the input that edits it. */
export interface SubTableColumn<Row> {
  field: keyof Row & string;
  title: string;
  width?: number;
  rules?: FormRule[];
  /** 'checked' for a checkbox. */
  valuePropName?: string;
  /** The input, the same for every row (the form item gives it the row's value). */
  input: ReactElement;
}

interface EditableSubTableProps<Row> {
  /** The form list's name (a field of the form holding an array of rows). */
  name: string;
  columns: readonly SubTableColumn<Row>[];
  /** The row the add button appends, given the rows there are. */
  newRow: (rows: readonly Row[]) => Row;
  emptyText: string;
  addLabel: string;
  testId: string;
}

/** A list field of a form as an editable table: one input per cell, a remove button per row, an add button under it. */
export function EditableSubTable<Row>({
  name,
  columns,
  newRow,
  emptyText,
  addLabel,
  testId,
}: EditableSubTableProps<Row>) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }, { errors }) => {
        const handleAdd = () => add(newRow((form.getFieldValue(name) as Row[] | undefined) ?? []));
        const tableColumns: TableColumnsType<FormListFieldData> = [
          ...columns.map((column) => ({
            title: column.title,
            key: column.field,
            width: column.width,
            render: (_: unknown, field: FormListFieldData) => (
              <Form.Item
                {...CELL}
                name={[field.name, column.field]}
                rules={column.rules}
                valuePropName={column.valuePropName}
              >
                {column.input}
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
          <div data-testid={testId}>
            <Table<FormListFieldData>
              rowKey="key"
              size="small"
              columns={tableColumns}
              dataSource={fields}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText }}
            />
            <Form.ErrorList errors={errors} />
            <Button type="dashed" icon={<PlusOutlined />} onClick={handleAdd} style={{ marginTop: 8 }} block>
              {addLabel}
            </Button>
          </div>
        );
      }}
    </Form.List>
  );
}

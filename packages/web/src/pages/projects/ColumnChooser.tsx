import { Button, Checkbox, Flex, Popover } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/useT.ts';
import { DEFAULT_COLUMNS, OPTIONAL_COLUMNS, type OptionalColumn, type ProjectColumn } from './projectColumns.tsx';

interface ColumnChooserProps {
  columns: ProjectColumn[];
  visible: readonly OptionalColumn[];
  onChange: (visible: OptionalColumn[]) => void;
}

/** A popover with a checkbox per optional column; the choice is kept by the caller. */
export function ColumnChooser({ columns, visible, onChange }: ColumnChooserProps) {
  const t = useT();
  const options = OPTIONAL_COLUMNS.map((key) => {
    const title = columns.find((column) => column.key === key)?.title;
    return { value: key, label: typeof title === 'string' ? title : key };
  });

  const handleChange = (checked: OptionalColumn[]) => {
    // Keep the display order whatever order the boxes were ticked in.
    onChange(OPTIONAL_COLUMNS.filter((key) => checked.includes(key)));
  };
  const handleReset = () => onChange([...DEFAULT_COLUMNS]);

  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 260 }} data-testid="column-chooser">
      <Checkbox.Group<OptionalColumn>
        options={options}
        value={[...visible]}
        onChange={handleChange}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      />
      <Button size="small" onClick={handleReset}>
        {t('common.reset')}
      </Button>
    </Flex>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" title={t('project.columns')}>
      <Button icon={<SettingOutlined />}>{t('project.columns')}</Button>
    </Popover>
  );
}

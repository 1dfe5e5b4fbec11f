import { Select } from 'antd';
import { useOfficers } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';

interface OfficerSelectProps {
  id?: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** The current officer's name, shown even before (or without) the officer list. */
  currentName?: string | null;
}

/** Picks the chief service officer (for a Form.Item); clearing it unpairs the project. */
export function OfficerSelect({ id, value, onChange, currentName }: OfficerSelectProps) {
  const t = useT();
  const officers = useOfficers();
  const options = (officers.data ?? []).map((officer) => ({ value: officer.id, label: officer.displayName }));
  if (value != null && currentName && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: currentName });
  }
  const handleChange = (next: number | undefined) => onChange?.(next ?? null);
  return (
    <Select<number>
      id={id}
      value={value ?? undefined}
      onChange={handleChange}
      options={options}
      loading={officers.isLoading}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('form.select')}
    />
  );
}

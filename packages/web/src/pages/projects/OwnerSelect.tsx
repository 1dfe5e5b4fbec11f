import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useOwnerSearch } from '../../api/reference.ts';
import { useT } from '../../i18n/useT.ts';

interface OwnerSelectProps {
  id?: string;
  value?: number;
  onChange?: (value: number) => void;
  /** The current owner, shown before any search. */
  current?: { id: number; name: string };
}

/** Searches project owners on the server as the user types and picks one (for a Form.Item). */
export function OwnerSelect({ id, value, onChange, current }: OwnerSelectProps) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [names, setNames] = useState<ReadonlyMap<number, string>>(
    () => new Map(current ? [[current.id, current.name]] : []),
  );
  const owners = useOwnerSearch(q);

  // Ask the server once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const options = (owners.data ?? []).map((owner) => ({ value: owner.id, label: owner.name }));
  const selectedName = value === undefined ? undefined : names.get(value);
  if (value !== undefined && selectedName && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: selectedName });
  }

  const handleChange = (next: number) => {
    const picked = options.find((option) => option.value === next);
    if (picked) setNames((known) => new Map(known).set(picked.value, picked.label));
    onChange?.(next);
  };

  return (
    <Select<number>
      id={id}
      value={value}
      onChange={handleChange}
      options={options}
      loading={owners.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      placeholder={t('form.ownerSearch')}
      notFoundContent={owners.isFetching ? t('common.loading') : undefined}
    />
  );
}

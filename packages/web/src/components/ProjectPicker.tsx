/**
 * Picks projects among the actor's own (searched by code or name) and hands them to a caller that adds them to
 * something (an event, a batch of a round). Shared so the events and the three batches pick projects the same way;
 * `children` sits between the search and the button for extra inputs (a batch's planned date).
 */
import { useState, type ReactNode } from 'react';
import { Button, Flex, Select, Typography } from 'antd';
import { ApiError, errorMessage } from '../api/client.ts';
import { useProjectList } from '../api/projects.ts';

/** The API's field messages (e.g. `projects.0.projectId`: already in this batch) or its message, for one line. */
function pickerError(error: unknown): string {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) return Object.values(error.fields).join('；');
  return errorMessage(error);
}

export function ProjectPicker({
  placeholder,
  addLabel,
  pending,
  onAdd,
  children,
  testId,
}: {
  placeholder: string;
  addLabel: string;
  pending: boolean;
  /** Adds the picked projects; the picker clears on success and shows the API's error under the search on failure. */
  onAdd: (projectIds: number[]) => Promise<unknown>;
  children?: ReactNode;
  testId?: string;
}) {
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [error, setError] = useState<string | null>(null);
  const projects = useProjectList({ q: q || undefined, pageSize: 20 });
  const handleAdd = () =>
    onAdd(picked).then(
      () => {
        setPicked([]);
        setError(null);
      },
      (failure: unknown) => setError(pickerError(failure)),
    );
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Flex gap={8} wrap>
        <Select
          mode="multiple"
          style={{ flex: 1, minWidth: 240 }}
          value={picked}
          onChange={(ids) => {
            setPicked(ids);
            setError(null);
          }}
          status={error ? 'error' : undefined}
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={projects.isFetching}
          placeholder={placeholder}
          aria-label={placeholder}
          options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
        />
        {children}
        <Button type="primary" disabled={picked.length === 0} loading={pending} onClick={() => void handleAdd()}>
          {addLabel}
        </Button>
      </Flex>
      {error && (
        <Typography.Text type="danger" role="alert">
          {error}
        </Typography.Text>
      )}
    </div>
  );
}

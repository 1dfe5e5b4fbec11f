import { useState } from 'react';
import { App as AntApp, Button, Flex, Select } from 'antd';
import { errorMessage } from '../../api/client.ts';
import { useEventActions } from '../../api/events.ts';
import { useProjectList } from '../../api/projects.ts';
import { useT } from '../../i18n/useT.ts';

/** Picks projects among the actor's own (searched by code or name) and adds them to the event. */
export function EventProjectPicker({ eventId }: { eventId: number }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const projects = useProjectList({ q: q || undefined, pageSize: 20 });
  const { addProjects } = useEventActions();
  const handleAdd = () =>
    addProjects.mutate(
      { id: eventId, projectIds: picked },
      {
        onSuccess: () => {
          setPicked([]);
          void message.success(t('event.added'));
        },
        onError: (error) => void message.error(errorMessage(error)),
      },
    );
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      <Select
        mode="multiple"
        style={{ flex: 1, minWidth: 240 }}
        value={picked}
        onChange={setPicked}
        showSearch={{ filterOption: false, onSearch: setQ }}
        loading={projects.isFetching}
        placeholder={t('event.pickProjects')}
        aria-label={t('event.pickProjects')}
        options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.code}）` }))}
      />
      <Button type="primary" disabled={picked.length === 0} loading={addProjects.isPending} onClick={handleAdd}>
        {t('event.addProjects')}
      </Button>
    </Flex>
  );
}

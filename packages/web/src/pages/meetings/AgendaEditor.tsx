import { useState } from 'react';
import { App, Button, Flex, Input } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { MeetingAgendaItemOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { saveAgenda } from '../../api/meetings.ts';
import { useT } from '../../i18n/useT.ts';

interface Draft {
  id?: number;
  title: string;
  note: string;
}

interface AgendaEditorProps {
  meetingId: number;
  version: number;
  items: readonly MeetingAgendaItemOutput[];
  onDone: (changed: boolean) => void;
}

/** Edits the agenda in place: reorder, note, remove, add; saved as one list under the meeting's version. */
export function AgendaEditor({ meetingId, version, items, onDone }: AgendaEditorProps) {
  const t = useT();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Draft[]>(() =>
    items.map((item) => ({ ...(item.id === null ? {} : { id: item.id }), title: item.title, note: item.note ?? '' })),
  );
  const [saving, setSaving] = useState(false);
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) =>
    setDrafts((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const handleSave = async () => {
    setSaving(true);
    try {
      await saveAgenda(meetingId, {
        version,
        items: drafts.map((d) => ({ ...(d.id ? { id: d.id } : {}), title: d.title, note: d.note.trim() || null })),
      });
      void message.success(t('meeting.saved'));
      onDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        void message.warning(t('meeting.conflict'));
        onDone(true);
      } else void message.error(errorMessage(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      {drafts.map((d, index) => (
        <Flex key={d.id ?? `new-${index}`} gap={6} wrap align="start">
          <span style={{ paddingTop: 5, width: 24 }}>{index + 1}.</span>
          <Flex vertical gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Input.TextArea
              value={d.title}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={500}
              aria-label={t('meeting.itemTitle')}
              onChange={(e) => change(index, { title: e.target.value })}
            />
            <Input
              value={d.note}
              placeholder={t('meeting.note')}
              maxLength={2000}
              onChange={(e) => change(index, { note: e.target.value })}
            />
          </Flex>
          <Flex gap={4}>
            <Button
              size="small"
              icon={<ArrowUpOutlined />}
              aria-label={t('meeting.up')}
              disabled={index === 0}
              onClick={() => move(index, -1)}
            />
            <Button
              size="small"
              icon={<ArrowDownOutlined />}
              aria-label={t('meeting.down')}
              disabled={index === drafts.length - 1}
              onClick={() => move(index, 1)}
            />
            <Button
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('meeting.remove')}
              onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}
            />
          </Flex>
        </Flex>
      ))}
      <Flex gap={8} wrap>
        <Button icon={<PlusOutlined />} onClick={() => setDrafts((all) => [...all, { title: '', note: '' }])}>
          {t('meeting.addItem')}
        </Button>
        <Button
          type="primary"
          loading={saving}
          disabled={drafts.some((d) => d.title.trim() === '')}
          onClick={() => void handleSave()}
        >
          {t('meeting.saveAgenda')}
        </Button>
        <Button onClick={() => onDone(false)}>{t('meeting.cancel')}</Button>
      </Flex>
    </Flex>
  );
}

import { useState } from 'react';
import { App, Button, Card, Flex, Input, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { MeetingOutput } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { updateMeeting } from '../../api/meetings.ts';
import { useT } from '../../i18n/useT.ts';

/** The minutes (会议纪要): read, or edited and saved under the meeting's version. */
export function MinutesCard({
  meeting,
  editable,
  onChanged,
}: {
  meeting: MeetingOutput;
  editable: boolean;
  onChanged: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const handleSave = async () => {
    if (draft === null) return;
    setSaving(true);
    try {
      await updateMeeting(meeting.id, { version: meeting.version, minutes: draft.trim() || null });
      void message.success(t('meeting.saved'));
      setDraft(null);
    } catch (error) {
      void message.error(
        error instanceof ApiError && error.status === 409 ? t('meeting.conflict') : errorMessage(error),
      );
    } finally {
      setSaving(false);
      onChanged();
    }
  };

  return (
    <Card
      size="small"
      title={t('meeting.minutes')}
      extra={
        editable &&
        draft === null && (
          <Button size="small" icon={<EditOutlined />} onClick={() => setDraft(meeting.minutes ?? '')}>
            {t('meeting.editMinutes')}
          </Button>
        )
      }
    >
      {draft === null ? (
        meeting.minutes ? (
          meeting.minutes.split('\n').map((line, index) => (
            <Typography.Paragraph key={index} style={{ marginBottom: 6 }}>
              {line}
            </Typography.Paragraph>
          ))
        ) : (
          <Typography.Text type="secondary">{t('meeting.noMinutes')}</Typography.Text>
        )
      ) : (
        <Flex vertical gap={8}>
          <Input.TextArea
            value={draft}
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={20_000}
            aria-label={t('meeting.minutes')}
            onChange={(e) => setDraft(e.target.value)}
          />
          <Flex gap={8}>
            <Button type="primary" loading={saving} onClick={() => void handleSave()}>
              {t('meeting.saveMinutes')}
            </Button>
            <Button onClick={() => setDraft(null)}>{t('meeting.cancel')}</Button>
          </Flex>
        </Flex>
      )}
    </Card>
  );
}

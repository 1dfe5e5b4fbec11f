import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Grid, Row, Skeleton, Tag } from 'antd';
import { CheckOutlined, EditOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { MEETING_KIND_LABELS, MEETING_STATE_LABELS } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { meetingDocxUrl, meetingKeys, updateMeeting, useMeeting } from '../../api/meetings.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { AgendaEditor } from './AgendaEditor.tsx';
import { AgendaList } from './AgendaList.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { DecisionTable } from './DecisionTable.tsx';
import { MinutesCard } from './MinutesCard.tsx';

/** A meeting: the previous meeting's decisions and what became of them, the agenda, the minutes, the decisions. */
export default function MeetingDetailPage() {
  const { t, label } = useLocale();
  const { can } = useSession();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const id = Number(useParams().id);
  const queryClient = useQueryClient();
  const query = useMeeting(id);
  const [editingAgenda, setEditingAgenda] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const manage = can('meeting.manage');
  const reload = () => void queryClient.invalidateQueries({ queryKey: meetingKeys.all });

  if (query.error) return <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active />;
  const { meeting, agenda, decisions, previous } = query.data;

  const markHeld = async () => {
    try {
      await updateMeeting(meeting.id, { version: meeting.version, state: 'held' });
    } catch (error) {
      void message.error(errorMessage(error));
    }
    reload();
  };

  return (
    <div className="kp-page">
      <PageHeader
        title={meeting.title}
        sub={
          <>
            <Tag color={meeting.state === 'held' ? 'green' : 'blue'}>{label(MEETING_STATE_LABELS[meeting.state])}</Tag>
            {label(MEETING_KIND_LABELS[meeting.kind])} · {meeting.heldOn}
          </>
        }
        extra={
          <>
            {manage && meeting.state === 'planned' && (
              <Button icon={<CheckOutlined />} onClick={() => void markHeld()}>
                {t('meeting.markHeld')}
              </Button>
            )}
            <Button type="primary" icon={<FileWordOutlined />} href={meetingDocxUrl(meeting.id)}>
              {t('meeting.docx')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={screens.lg ? 3 : screens.sm ? 2 : 1}>
          <Descriptions.Item label={t('meeting.region')}>{meeting.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.location')}>{meeting.location ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.chair')}>{meeting.chair ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('meeting.attendees')} span={3}>
            {meeting.attendees ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {previous && (
        <Card size="small" title={t('meeting.previous', { date: previous.heldOn })} style={{ marginBottom: 12 }}>
          <DecisionTable decisions={previous.decisions} />
        </Card>
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('meeting.agenda')}
            extra={
              manage &&
              !editingAgenda && (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditingAgenda(true)}>
                  {t('meeting.editAgenda')}
                </Button>
              )
            }
          >
            {editingAgenda ? (
              <AgendaEditor
                meetingId={meeting.id}
                version={meeting.version}
                items={agenda}
                onDone={(changed) => {
                  setEditingAgenda(false);
                  if (changed) reload();
                }}
              />
            ) : (
              <AgendaList items={agenda} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <MinutesCard key={meeting.version} meeting={meeting} editable={manage} onChanged={reload} />
        </Col>
      </Row>
      <Card
        size="small"
        title={t('meeting.decisions')}
        extra={
          manage && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setDeciding(true)}>
              {t('meeting.addDecision')}
            </Button>
          )
        }
      >
        <DecisionTable decisions={decisions} />
      </Card>
      {manage && (
        <DecisionForm
          meetingId={meeting.id}
          regionCode={meeting.regionCode}
          open={deciding}
          onClose={(saved) => {
            setDeciding(false);
            if (saved) reload();
          }}
        />
      )}
    </div>
  );
}

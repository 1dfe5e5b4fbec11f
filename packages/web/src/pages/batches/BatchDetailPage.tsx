/**
 * A 三个一批 round: the three batches with their rates as of a date (default: the application's); managers edit or
 * delete the round and add or remove each batch's projects.
 */
import { useState } from 'react';
import { App as AntApp, Button, Col, DatePicker, Flex, Popconfirm, Row } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { useBatchActions, useBatchRound } from '../../api/events.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { BatchCard } from './BatchCard.tsx';
import { BatchFormModal } from './BatchFormModal.tsx';

export default function BatchDetailPage() {
  const t = useT();
  const id = Number(useParams().id);
  const { today, can } = useSession();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  const round = useBatchRound(id, asOf ?? today);
  const { remove } = useBatchActions();
  if (round.isError) return <RetryAlert message={round.error.message} onRetry={() => void round.refetch()} />;
  const data = round.data;
  const manage = can('event.manage');
  const handleDelete = () =>
    remove.mutate(id, {
      onSuccess: () => void navigate('/batches'),
      onError: (error) => void message.error(errorMessage(error)),
    });
  return (
    <div className="kp-page">
      <PageHeader
        title={data?.name ?? t('batch.title')}
        sub={data ? [data.heldOn, data.regionName, data.note].filter(Boolean).join(' · ') : undefined}
        extra={
          <Flex gap={8} wrap>
            <DatePicker
              allowClear={false}
              value={(asOf ?? today) ? dayjs(asOf ?? today) : null}
              onChange={(value) => setAsOf(value ? value.format('YYYY-MM-DD') : undefined)}
              aria-label={t('reserve.asOf')}
            />
            {manage && data && (
              <>
                <Button onClick={() => setEditing(true)}>{t('event.edit')}</Button>
                <Popconfirm title={t('batch.deleteConfirm')} onConfirm={handleDelete}>
                  <Button danger loading={remove.isPending}>
                    {t('event.delete')}
                  </Button>
                </Popconfirm>
              </>
            )}
          </Flex>
        }
      />
      <Row gutter={[12, 0]}>
        {(data?.batches ?? []).map((outcome) => (
          <Col xs={24} key={outcome.batch}>
            <BatchCard roundId={id} outcome={outcome} manage={manage} />
          </Col>
        ))}
      </Row>
      {data && (
        <BatchFormModal
          round={data}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => setEditing(false)}
        />
      )}
    </div>
  );
}

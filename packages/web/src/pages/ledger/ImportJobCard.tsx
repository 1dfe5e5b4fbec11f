import { useEffect, useRef } from 'react';
import { Alert, Button, Flex, Progress, Result, Steps, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { LedgerKind } from '../../api/ledger.ts';
import type { LedgerImportJob } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import { ImportErrorsTable } from './ImportErrorsTable.tsx';
import { PHASE_LABEL, PHASES } from './importLabels.ts';

interface ImportJobCardProps {
  job: LedgerImportJob | undefined;
  /** A failed poll (the job is gone, the network is down). */
  pollError: Error | null;
  kind: LedgerKind;
  onAgain: () => void;
}

/** Step three: the commit's progress (phase, rows processed) and its outcome: written, rejected or failed. */
export function ImportJobCard({ job, pollError, kind, onAgain }: ImportJobCardProps) {
  const t = useT();
  const navigate = useNavigate();
  const phase = job?.phase ?? 'reading';
  const finished = job !== undefined && job.status !== 'running';
  const percent = finished ? 100 : job && job.total > 0 ? Math.floor((job.processed / job.total) * 100) : 0;
  const result = job?.result;
  const rejected = job?.status === 'failed' || (result !== undefined && !result.committed);
  const listPath = kind === 'projects' ? '/projects' : '/reports';
  const handleOpenList = () => void navigate(listPath);
  const boxRef = useRef<HTMLDivElement>(null);
  // The commit starts below a long preview: bring its progress into view.
  // A block body: newer browsers return a promise from scrollIntoView, which React would take for a cleanup.
  useEffect(() => {
    boxRef.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, []);

  return (
    <Flex ref={boxRef} vertical gap={16} data-testid="import-job" data-status={job?.status ?? 'starting'}>
      <Steps
        size="small"
        current={PHASES.indexOf(phase)}
        status={rejected ? 'error' : finished ? 'finish' : 'process'}
        items={PHASES.map((p) => ({ title: t(PHASE_LABEL[p]) }))}
        responsive={false}
      />
      <div>
        <Progress
          percent={percent}
          status={rejected ? 'exception' : finished ? 'success' : 'active'}
          data-testid="import-progress"
        />
        <Typography.Text type="secondary" data-testid="import-phase">
          {job && job.total > 0
            ? t('ledger.progress', { phase: t(PHASE_LABEL[phase]), processed: job.processed, total: job.total })
            : t('ledger.progressStarting', { phase: t(PHASE_LABEL[phase]) })}
        </Typography.Text>
      </div>
      {pollError && <Alert type="error" showIcon title={pollError.message} />}
      {result?.committed && (
        <Result
          status="success"
          title={t('ledger.committed')}
          subTitle={t('ledger.committedBody', {
            create: result.summary.create,
            update: result.summary.update,
            unchanged: result.summary.unchanged,
          })}
          extra={[
            <Button key="list" type="primary" onClick={handleOpenList}>
              {t(kind === 'projects' ? 'ledger.openProjects' : 'ledger.openReports')}
            </Button>,
            <Button key="again" onClick={onAgain}>
              {t('ledger.again')}
            </Button>,
          ]}
          data-testid="import-committed"
        />
      )}
      {result && !result.committed && (
        <>
          <Result
            status="error"
            title={t('ledger.rejected')}
            subTitle={t('ledger.rejectedBody', { count: result.summary.errors })}
            extra={<Button onClick={onAgain}>{t('ledger.again')}</Button>}
            data-testid="import-rejected"
          />
          <ImportErrorsTable errors={result.errors} />
        </>
      )}
      {job?.status === 'failed' && (
        <Result
          status="error"
          title={t('ledger.failed')}
          subTitle={job.error?.message}
          extra={<Button onClick={onAgain}>{t('ledger.again')}</Button>}
          data-testid="import-failed"
        />
      )}
    </Flex>
  );
}

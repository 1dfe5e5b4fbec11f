import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Steps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  previewLedger,
  startLedgerImport,
  type LedgerKind,
  type LedgerTarget,
  type ProjectLedgerChoices,
} from '../../api/ledger.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import type { PeriodRef } from '../../lib/period.ts';
import { useCurrentPeriod } from '../../lib/useCurrentPeriod.ts';
import { useSession } from '../../session/useSession.ts';
import { ImportJobCard } from './ImportJobCard.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { LedgerSourceCard } from './LedgerSourceCard.tsx';
import { useImportJob } from './useImportJob.ts';

/** The file and ledger a preview or commit was made for. */
interface Checked {
  target: LedgerTarget;
  file: File;
}

/**
 * 数据导入: choose the ledger kind (and month), download its template, check a file (dry run: nothing is
 * written), then 确认导入 writes it as a background job whose progress is polled.
 */
export default function LedgerImportPage() {
  const t = useT();
  const { can, today } = useSession();
  const queryClient = useQueryClient();
  const { current } = useCurrentPeriod();
  const [kind, setKind] = useState<LedgerKind>('projects');
  const [period, setPeriod] = useState<PeriodRef | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: ({ target, file }: Checked) => previewLedger(target, file) });
  const start = useMutation({ mutationFn: ({ target, file }: Checked) => startLedgerImport(target, file) });
  const job = useImportJob(start.data?.id ?? null);

  const month = period ?? current;
  const target: LedgerTarget = kind === 'projects' ? { kind } : { kind, year: month?.year, month: month?.month };
  const committing = !start.isIdle;
  // Once a commit has written, the lists of the other pages are stale.
  const committedJob = job.data?.result?.committed ? job.data.id : null;
  const listKey = kind === 'projects' ? 'projects' : 'reports';
  useEffect(() => {
    if (committedJob) void queryClient.invalidateQueries({ queryKey: [listKey] });
  }, [committedJob, listKey, queryClient]);

  if (!can('project.create')) return <Forbidden />;

  // Any change of the ledger or file makes the last preview stale.
  const resetChecks = () => {
    preview.reset();
    start.reset();
  };
  const handleKind = (next: LedgerKind) => {
    setKind(next);
    resetChecks();
  };
  const handlePeriod = (next: PeriodRef) => {
    setPeriod(next);
    resetChecks();
  };
  const handleFile = (next: File | null) => {
    setFile(next);
    resetChecks();
  };
  const handleCheck = () => {
    if (file) preview.mutate({ target, file });
  };
  // A corrected mapping or region runs the dry run again on the same file.
  const handleRecheck = (choices: ProjectLedgerChoices) => {
    if (file) preview.mutate({ target: { ...target, choices }, file });
  };
  const handleConfirm = () => {
    if (preview.variables) start.mutate(preview.variables);
  };
  const handleAgain = () => handleFile(null);

  const step = committing ? 2 : preview.data ? 1 : 0;

  return (
    <div className="kp-page kp-import-page">
      <PageHeader title={t('ledger.title')} sub={t('ledger.sub')} />
      <Flex vertical gap={12}>
        <Card size="small">
          <Steps
            size="small"
            current={step}
            items={[
              { title: t('ledger.step.source') },
              { title: t('ledger.step.preview') },
              { title: t('ledger.step.write') },
            ]}
            responsive={false}
          />
        </Card>
        <Card title={t('ledger.step.source')} size="small">
          <LedgerSourceCard
            target={target}
            maxPeriod={current}
            file={file}
            checking={preview.isPending}
            disabled={committing}
            onKindChange={handleKind}
            onPeriodChange={handlePeriod}
            onFileChange={handleFile}
            onCheck={handleCheck}
          />
          {preview.isError && (
            <Alert
              type="error"
              showIcon
              title={t('ledger.refused')}
              description={preview.error.message}
              style={{ marginTop: 16 }}
              data-testid="import-refused"
            />
          )}
        </Card>
        {preview.data && (
          <Card title={t('ledger.step.preview')} size="small">
            <ImportPreview
              preview={preview.data}
              mapping={
                kind === 'projects' ? (
                  <ImportMapping
                    key={JSON.stringify(preview.variables.target.choices ?? {})}
                    preview={preview.data}
                    choices={preview.variables.target.choices ?? {}}
                    year={today ? Number(today.slice(0, 4)) : null}
                    checking={preview.isPending}
                    onRecheck={handleRecheck}
                  />
                ) : undefined
              }
              committing={committing}
              starting={start.isPending}
              onConfirm={handleConfirm}
              onReselect={handleAgain}
            />
          </Card>
        )}
        {committing && (
          <Card title={t('ledger.step.write')} size="small">
            {start.isError ? (
              <Alert
                type="error"
                showIcon
                title={start.error.message}
                action={<Button onClick={handleAgain}>{t('ledger.again')}</Button>}
              />
            ) : (
              <ImportJobCard job={job.data} pollError={job.error} kind={kind} onAgain={handleAgain} />
            )}
          </Card>
        )}
      </Flex>
    </div>
  );
}

import { Button, Flex, Grid, Result } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { usePeriods, useReport, type ReportRef } from '../../api/reports.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PageLoading } from '../../components/PageLoading.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { CorrectionHistory } from './CorrectionHistory.tsx';
import { editMode } from './reportForm.ts';
import { ReportFigures } from './ReportFigures.tsx';
import { ReportForm } from './ReportForm.tsx';
import { ReportPhotos } from './ReportPhotos.tsx';
import { ReportStatus } from './ReportStatus.tsx';
import { ReportTotals } from './ReportTotals.tsx';
import { WithdrawReportButton } from './WithdrawReportButton.tsx';

function parseRef(params: Record<string, string | undefined>): ReportRef | null {
  const projectId = Number(params.projectId);
  const year = Number(params.year);
  const month = Number(params.month);
  if (!Number.isInteger(projectId) || projectId <= 0) return null;
  if (!Number.isInteger(year) || year < 2000 || year > 2100 || !Number.isInteger(month) || month < 1 || month > 12)
    return null;
  return { projectId, year, month };
}

/** One project's monthly report: /reports/:projectId/:year/:month — file, correct or read it. */
export default function ReportPage() {
  const t = useT();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const compact = Grid.useBreakpoint().md === false;
  const ref = parseRef(useParams());
  const report = useReport(ref);
  const previousRef = ref && ref.month > 1 ? { ...ref, month: ref.month - 1 } : null;
  // Only a report not filed yet starts from last month's start and stage.
  const previous = useReport(report.data?.state === 'not_started' ? previousRef : null);
  const periods = usePeriods(ref?.year ?? null);

  const listPath = can('report.review') ? '/reports' : '/reports/file';
  const handleBack = () => void (location.key === 'default' ? navigate(listPath) : navigate(-1));

  if (!can('report.read')) return <Forbidden />;
  if (!ref || (report.error instanceof ApiError && report.error.status === 404)) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('error.projectNotFound')}
        extra={<Button onClick={() => void navigate(listPath)}>{t('common.back')}</Button>}
      />
    );
  }
  if (report.isError) {
    return (
      <Result
        status="error"
        subTitle={report.error.message}
        extra={<Button onClick={() => void report.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const data = report.data;
  const waitingForPrevious = data?.state === 'not_started' && previousRef !== null && previous.isPending;
  if (!data || waitingForPrevious) return <PageLoading />;

  const mode = editMode(data, user?.role, can('report.write'));
  const period = periods.data?.find((p) => p.month === ref.month);
  // Without a period yet, the server creates it with the month's last day as the cut-off.
  const cutoffDate =
    period?.cutoffDate ??
    dayjs(new Date(ref.year, ref.month - 1, 1))
      .endOf('month')
      .format('YYYY-MM-DD');

  return (
    <div className="kp-page" style={{ maxWidth: 880 }}>
      <PageHeader
        title={data.projectName}
        sub={`${t('report.periodLabel', { year: data.year, month: data.month, mm: String(data.month).padStart(2, '0') })} · ${data.projectCode} · ${data.regionName}`}
        extra={
          <>
            {/* Submitted, not yet decided: the owner may take it back (a reviewer who filed one does so from the
                project's history, which knows who submitted it). */}
            {data.state === 'submitted' && !data.periodLocked && can('report.write') && !can('report.review') && (
              <WithdrawReportButton reportRef={ref} version={data.version} />
            )}
            <Button
              type={compact ? 'link' : 'default'}
              size={compact ? 'small' : 'middle'}
              icon={<ArrowLeftOutlined />}
              onClick={handleBack}
              style={compact ? { paddingInline: 0 } : undefined}
            >
              {t('common.back')}
            </Button>
          </>
        }
      />
      <Flex vertical gap={12}>
        <ReportStatus report={data} period={period} mode={mode} />
        {mode === 'readOnly' ? (
          <>
            <ReportTotals report={data} />
            <ReportFigures report={data} compact={compact} />
          </>
        ) : (
          <ReportForm
            // A saved report comes back with a new version: the form starts afresh from it.
            key={`${data.version}-${data.state}`}
            report={data}
            previous={previous.data ?? null}
            mode={mode}
            cutoffDate={cutoffDate}
          >
            <ReportPhotos report={data} canUpload />
          </ReportForm>
        )}
        {mode === 'readOnly' && <ReportPhotos report={data} canUpload={false} />}
        {data.corrections.length > 0 && <CorrectionHistory corrections={data.corrections} />}
      </Flex>
    </div>
  );
}

import { Alert, Button, Drawer, Flex, Grid, Skeleton } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useReport, type ReportRef } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { CorrectionHistory } from './CorrectionHistory.tsx';
import { editMode } from './reportForm.ts';
import { ReportFigures } from './ReportFigures.tsx';
import { ReportPhotos } from './ReportPhotos.tsx';
import { ReportStatus } from './ReportStatus.tsx';
import { ReportTotals } from './ReportTotals.tsx';
import { ReviewActions } from './ReviewActions.tsx';

interface ReviewDrawerProps {
  target: (ReportRef & { projectName: string }) | null;
  onClose: () => void;
}

/** A report opened from the review desk: its figures and photos, and the review buttons in the footer. */
export function ReviewDrawer({ target, onClose }: ReviewDrawerProps) {
  const t = useT();
  const { user, can } = useSession();
  const navigate = useNavigate();
  const compact = Grid.useBreakpoint().md === false;
  const report = useReport(target);
  const data = report.data;
  const mode = data ? editMode(data, user?.role, can('report.write')) : 'readOnly';

  const handleEdit = () => {
    if (target) void navigate(`/reports/${target.projectId}/${target.year}/${target.month}`);
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      title={target?.projectName}
      size={compact ? '100%' : 640}
      destroyOnHidden
      styles={compact ? { body: { padding: 12 } } : undefined}
      extra={
        mode !== 'readOnly' && (
          <Button size="small" icon={<EditOutlined />} onClick={handleEdit}>
            {t(mode === 'correct' ? 'review.correct' : 'review.fileForOwner')}
          </Button>
        )
      }
      footer={data && <ReviewActions report={data} onDone={onClose} />}
      data-testid="review-drawer"
    >
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      {!data && !report.isError && <Skeleton active />}
      {data && (
        <Flex vertical gap={12}>
          <ReportStatus report={data} period={undefined} mode="review" />
          <ReportTotals report={data} />
          <ReportFigures report={data} compact />
          <ReportPhotos report={data} canUpload={false} />
          {data.corrections.length > 0 && <CorrectionHistory corrections={data.corrections} />}
        </Flex>
      )}
    </Drawer>
  );
}

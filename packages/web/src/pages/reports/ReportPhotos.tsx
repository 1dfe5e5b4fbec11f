import { useState } from 'react';
import { App, Button, Card, Typography, Upload, type UploadProps } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { photosDeletable, type ReportOutput, type ReportPhoto } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { deleteReportPhoto, invalidateReport } from '../../api/reportHistory.ts';
import { reportKeys, uploadReportPhoto, type ReportRef } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { PhotoThumbnails } from './PhotoThumbnails.tsx';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/**
 * The report's site photos as thumbnails (tap to enlarge), an upload button once the report exists, and a delete
 * button on each while the report is not yet confirmed (core photosDeletable) for whoever may file reports.
 */
export function ReportPhotos({ report, canUpload }: { report: ReportOutput; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(0);
  const ref: ReportRef = { projectId: report.projectId, year: report.year, month: report.month };
  const exists = report.id !== null;
  const { can } = useSession();
  const deletable =
    exists &&
    can('report.write') &&
    report.state !== 'not_started' &&
    photosDeletable(report.state, report.periodLocked);

  const handleDelete = async (photo: ReportPhoto) => {
    try {
      await deleteReportPhoto(ref, photo.id);
      void message.success(t('report.photoDeleted'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
    await invalidateReport(queryClient, ref);
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!TYPES.includes(file.type)) {
      void message.error(t('report.photoType'));
      return Upload.LIST_IGNORE;
    }
    if (file.size > MAX_BYTES) {
      void message.error(t('report.photoSize'));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const handleUpload: UploadProps['customRequest'] = ({ file, onSuccess, onError }) => {
    if (!(file instanceof File)) return;
    setUploading((n) => n + 1);
    uploadReportPhoto(ref, file)
      .then((photo) => {
        onSuccess?.(photo);
        void message.success(t('report.photoUploaded', { name: photo.fileName }));
        return queryClient.invalidateQueries({ queryKey: reportKeys.detail(ref) });
      })
      .catch((error: unknown) => {
        onError?.(error instanceof Error ? error : new Error(errorMessage(error)));
        void message.error(errorMessage(error));
      })
      .finally(() => setUploading((n) => n - 1));
  };

  return (
    <Card
      size="small"
      title={t('report.photos', { count: report.photos.length })}
      extra={
        canUpload &&
        exists && (
          <Upload
            accept={TYPES.join(',')}
            multiple
            showUploadList={false}
            beforeUpload={beforeUpload}
            customRequest={handleUpload}
          >
            <Button size="small" icon={<CameraOutlined />} loading={uploading > 0}>
              {t('report.addPhoto')}
            </Button>
          </Upload>
        )
      }
      data-testid="report-photos"
    >
      {report.photos.length > 0 ? (
        <PhotoThumbnails photos={report.photos} onDelete={deletable ? handleDelete : undefined} />
      ) : (
        <Typography.Text type="secondary">{t('report.noPhotos')}</Typography.Text>
      )}
      {canUpload && !exists && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('report.photoAfterSave')}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}

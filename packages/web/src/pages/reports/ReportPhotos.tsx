import { useState } from 'react';
import { App, Button, Card, Flex, Image, Typography, Upload, type UploadProps } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { ReportOutput } from '@keyprojects/core';
import { errorMessage } from '../../api/client.ts';
import { reportKeys, reportPhotoUrl, uploadReportPhoto, type ReportRef } from '../../api/reports.ts';
import { useT } from '../../i18n/useT.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The report's site photos as thumbnails (tap to enlarge), and an upload button once the report exists. */
export function ReportPhotos({ report, canUpload }: { report: ReportOutput; canUpload: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [uploading, setUploading] = useState(0);
  const ref: ReportRef = { projectId: report.projectId, year: report.year, month: report.month };
  const exists = report.id !== null;

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
        <Image.PreviewGroup>
          <Flex wrap gap={8}>
            {report.photos.map((photo) => (
              <Image
                key={photo.id}
                src={reportPhotoUrl(photo.id)}
                alt={photo.fileName}
                width={84}
                height={84}
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
            ))}
          </Flex>
        </Image.PreviewGroup>
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

import { App, Button, Card, List, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { ProblemDetail } from '@keyprojects/core';
import { problemAttachmentUrl, uploadProblemAttachment, useInvalidateProblems } from '../../api/problems.ts';
import { useLocale } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';

/** The problem's files (photos, scanned letters), with an upload for those who work on it. */
export function ProblemAttachmentsCard({ problem }: { problem: ProblemDetail }) {
  const { t } = useLocale();
  const { can } = useSession();
  const { message } = App.useApp();
  const invalidate = useInvalidateProblems();
  const upload = async (file: File) => {
    try {
      await uploadProblemAttachment(problem.id, file);
      await invalidate();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Card
      size="small"
      title={t('problem.detail.attachments')}
      extra={
        can('problem.work') &&
        problem.state !== 'verified_closed' && (
          <Upload
            showUploadList={false}
            accept="image/jpeg,image/png,application/pdf"
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} title={t('problem.detail.uploadHint')}>
              {t('problem.detail.upload')}
            </Button>
          </Upload>
        )
      }
    >
      {problem.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('problem.detail.noAttachments')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={problem.attachments}
          renderItem={(file) => (
            <List.Item>
              <a href={problemAttachmentUrl(problem.id, file.id)} target="_blank" rel="noreferrer">
                <PaperClipOutlined /> {file.fileName}
              </a>
              <Typography.Text type="secondary">{file.createdOn}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

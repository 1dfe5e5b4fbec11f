/**
 * The evidence picker of the progress modals (a lifecycle transition's 记录进展, a plan node's 标记完成): images or
 * PDFs, kept in the form and uploaded by the caller once the thing they prove exists. Other types are dropped here
 * because the server refuses them anyway.
 */
import { Upload, type UploadFile } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { useT } from '../i18n/useT.ts';

/** The evidence files the server takes. */
const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];

export function EvidenceUpload({
  files,
  onChange,
  testId,
}: {
  files: UploadFile[];
  onChange: (files: UploadFile[]) => void;
  testId?: string;
}) {
  const t = useT();
  return (
    <Upload
      accept={EVIDENCE_TYPES.join(',')}
      multiple
      fileList={files}
      beforeUpload={() => false}
      onChange={({ fileList }) => onChange(fileList.filter((f) => EVIDENCE_TYPES.includes(f.type ?? '')))}
      data-testid={testId}
    >
      <a>
        <PaperClipOutlined /> {t('lifecycle.form.addEvidence')}
      </a>
    </Upload>
  );
}

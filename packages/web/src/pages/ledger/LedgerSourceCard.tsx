import { App, Button, Col, Flex, Radio, Row, Typography, Upload, type UploadProps } from 'antd';
import { DownloadOutlined, FileSearchOutlined, InboxOutlined } from '@ant-design/icons';
import { LEDGER_FILE_EXTENSIONS, LEDGER_FILE_TYPES, isLedgerFileName } from '@keyprojects/core';
import { ledgerTemplateUrl, type LedgerKind, type LedgerTarget } from '../../api/ledger.ts';
import { useT } from '../../i18n/useT.ts';
import type { PeriodRef } from '../../lib/period.ts';
import { PeriodPicker } from '../reports/PeriodPicker.tsx';

/** The server's upload limit (io/xlsx.limits.ts MAX_UPLOAD_BYTES), checked here first to spare a long upload. */
const MAX_MB = 20;
/** The picker's filter: the accepted extensions and their MIME types. */
const ACCEPT = [...LEDGER_FILE_EXTENSIONS, ...LEDGER_FILE_TYPES].join(',');

interface LedgerSourceCardProps {
  target: LedgerTarget;
  /** The latest month one may import reports for. */
  maxPeriod: PeriodRef | null;
  file: File | null;
  checking: boolean;
  /** While a commit runs the choice is frozen. */
  disabled: boolean;
  onKindChange: (kind: LedgerKind) => void;
  onPeriodChange: (period: PeriodRef) => void;
  onFileChange: (file: File | null) => void;
  onCheck: () => void;
}

/** Step one: what the ledger holds (and for which month), its template, and the file to check. */
export function LedgerSourceCard(props: LedgerSourceCardProps) {
  const { target, maxPeriod, file, checking, disabled } = props;
  const t = useT();
  const { message } = App.useApp();
  const period = target.year && target.month ? { year: target.year, month: target.month } : null;

  // The file stays in the browser until 预览检查: nothing is uploaded on choosing it.
  const beforeUpload: UploadProps['beforeUpload'] = (chosen) => {
    if (!isLedgerFileName(chosen.name)) void message.error(t('ledger.notXlsx'));
    else if (chosen.size > MAX_MB * 1024 * 1024) void message.error(t('ledger.tooLarge', { size: MAX_MB }));
    else props.onFileChange(chosen);
    return Upload.LIST_IGNORE;
  };
  const handleRemove = () => props.onFileChange(null);

  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} lg={10}>
        <Flex vertical gap={12} align="flex-start">
          <Typography.Text strong>{t('ledger.kind')}</Typography.Text>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={target.kind}
            disabled={disabled}
            onChange={(event) => props.onKindChange(event.target.value as LedgerKind)}
            options={[
              { value: 'projects', label: t('ledger.kind.projects') },
              { value: 'monthly-reports', label: t('ledger.kind.monthlyReports') },
            ]}
            data-testid="ledger-kind"
          />
          {target.kind === 'monthly-reports' && period && (
            <Flex gap={8} align="center">
              <Typography.Text>{t('ledger.period')}</Typography.Text>
              <PeriodPicker value={period} max={maxPeriod} onChange={props.onPeriodChange} />
            </Flex>
          )}
          <Typography.Text type="secondary">
            {t(target.kind === 'projects' ? 'ledger.kindHint.projects' : 'ledger.kindHint.monthlyReports')}
          </Typography.Text>
          <Button icon={<DownloadOutlined />} href={ledgerTemplateUrl(target)} data-testid="ledger-template">
            {t('ledger.template')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.templateHint')}
          </Typography.Text>
        </Flex>
      </Col>
      <Col xs={24} lg={14}>
        <Flex vertical gap={12} data-testid="ledger-upload">
          <Upload.Dragger
            accept={ACCEPT}
            maxCount={1}
            disabled={disabled}
            beforeUpload={beforeUpload}
            onRemove={handleRemove}
            fileList={file ? [{ uid: 'ledger', name: file.name, size: file.size, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('ledger.drop')}</p>
            <p className="ant-upload-hint">{t('ledger.dropHint', { size: MAX_MB })}</p>
          </Upload.Dragger>
          <Flex justify="flex-end">
            <Button
              type="primary"
              icon={<FileSearchOutlined />}
              disabled={!file || disabled}
              loading={checking}
              onClick={props.onCheck}
            >
              {checking ? t('ledger.checking') : t('ledger.check')}
            </Button>
          </Flex>
        </Flex>
      </Col>
    </Row>
  );
}

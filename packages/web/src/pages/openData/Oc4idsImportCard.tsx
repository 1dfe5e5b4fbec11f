import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Flex,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
  type UploadProps,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { OC4IDS_SANDBOX_REGION, OC4IDS_SANDBOX_ROOT, type Oc4idsImportResult } from '@keyprojects/core';
import { ApiError, errorMessage } from '../../api/client.ts';
import { importOc4idsPackage } from '../../api/oc4ids.ts';
import { useT } from '../../i18n/useT.ts';

type ImportedProject = Oc4idsImportResult['projects'][number];

const RESULT_COLOR: Record<ImportedProject['result'], string> = {
  created: 'green',
  updated: 'blue',
  unchanged: 'default',
};

/** The project list filtered to the sandbox, every plan year (imported projects rarely have this year's plan). */
const SANDBOX_LIST = `/projects?regionCode=${OC4IDS_SANDBOX_ROOT}&planYear=all`;

/** Imports an OC4IDS project package into the sandbox and shows what became of each project. */
export function Oc4idsImportCard() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Oc4idsImportResult | null>(null);
  const [failure, setFailure] = useState<{ message: string; fields: [string, string][] } | null>(null);

  const runImport = async (file: File) => {
    setBusy(true);
    setResult(null);
    setFailure(null);
    try {
      let pkg: unknown;
      try {
        pkg = JSON.parse(await file.text());
      } catch {
        setFailure({ message: t('openData.notJson'), fields: [] });
        return;
      }
      setResult(await importOc4idsPackage(pkg));
    } catch (error) {
      const fields = error instanceof ApiError ? Object.entries(error.fields) : [];
      setFailure({ message: errorMessage(error), fields });
    } finally {
      setBusy(false);
    }
  };
  // The file is read here and sent as the JSON body; antd's own upload request is never used.
  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    void runImport(file);
    return Upload.LIST_IGNORE;
  };

  const columns: TableColumnsType<ImportedProject> = [
    { title: t('openData.col.oc4idsId'), dataIndex: 'oc4idsId', key: 'oc4idsId' },
    {
      title: t('openData.col.code'),
      dataIndex: 'code',
      key: 'code',
      render: (code: string) => <span className="kp-nowrap">{code}</span>,
    },
    {
      title: t('openData.col.result'),
      dataIndex: 'result',
      key: 'result',
      width: 96,
      render: (value: ImportedProject['result']) => (
        <Tag color={RESULT_COLOR[value]}>{t(`openData.result.${value}`)}</Tag>
      ),
    },
  ];

  return (
    <Card size="small" title={t('openData.importTitle')} data-testid="oc4ids-import">
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('openData.importBody', { region: OC4IDS_SANDBOX_REGION })}
        </Typography.Paragraph>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={beforeUpload}>
          <Button icon={<UploadOutlined />} loading={busy}>
            {busy ? t('openData.importing') : t('openData.choose')}
          </Button>
        </Upload>
        {failure && (
          <Alert
            type="error"
            showIcon
            title={t('openData.failed')}
            description={
              <>
                <div>{failure.message}</div>
                {failure.fields.length > 0 && (
                  <ul className="kp-plain-list">
                    {failure.fields.map(([path, text]) => (
                      <li key={path}>
                        <Typography.Text code>{path}</Typography.Text> {text}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            }
          />
        )}
        {result && (
          <>
            <Alert
              type="success"
              showIcon
              title={t('openData.imported', {
                created: result.created,
                updated: result.updated,
                unchanged: result.unchanged,
              })}
              description={
                <>
                  <Link to={SANDBOX_LIST}>{t('openData.openSandbox')}</Link>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{t('openData.sandboxVisibility')}</div>
                </>
              }
            />
            <Table<ImportedProject>
              rowKey="oc4idsId"
              size="small"
              columns={columns}
              dataSource={result.projects}
              pagination={result.projects.length > 10 ? { pageSize: 10, size: 'small' } : false}
              scroll={{ x: 'max-content' }}
              data-testid="oc4ids-result"
            />
          </>
        )}
      </Flex>
    </Card>
  );
}

import { Button, Tooltip } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { exportUrl, type ExportName } from '../api/ledger.ts';
import type { QueryValue } from '../api/client.ts';
import { useT } from '../i18n/useT.ts';

interface ExportButtonProps {
  /** The export's name (GET /exports/{name}.xlsx). */
  name: ExportName;
  /** The list's current query; paging is left out, as the export takes every match. */
  query: Record<string, QueryValue>;
}

/** 导出Excel: a plain download of a list with its current filters (the session cookie goes along). */
export function ExportButton({ name, query }: ExportButtonProps) {
  const t = useT();
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return (
    <Tooltip title={t('ledger.exportHint')}>
      <Button icon={<FileExcelOutlined />} href={exportUrl(name, filters)} data-testid={`export-${name}`}>
        {t('ledger.export')}
      </Button>
    </Tooltip>
  );
}

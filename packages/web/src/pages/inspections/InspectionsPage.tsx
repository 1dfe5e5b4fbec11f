import { useState } from 'react';
import { Card, Flex, Pagination, Select } from 'antd';
import type { InspectionMode } from '@keyprojects/core';
import { useInspections } from '../../api/inspections.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { InspectionTable } from './InspectionTable.tsx';

const PAGE_SIZE = 20;

/** For DRC staff: the inspections of the projects in their area, newest first, by mode. */
export default function InspectionsPage() {
  const t = useT();
  const { can } = useSession();
  const [mode, setMode] = useState<InspectionMode | undefined>(undefined);
  const [page, setPage] = useState(1);
  const query = useInspections({ mode, page, pageSize: PAGE_SIZE });
  if (!can('inspection.read')) return <Forbidden />;
  const data = query.data;
  return (
    <div className="kp-page">
      <PageHeader
        title={t('inspection.title')}
        sub={data ? t('inspection.total', { total: data.total }) : undefined}
        extra={
          <Select<InspectionMode | undefined>
            style={{ minWidth: 140 }}
            value={mode}
            allowClear
            placeholder={t('inspection.allModes')}
            onChange={(value) => {
              setMode(value);
              setPage(1);
            }}
            options={[
              { value: 'onsite', label: t('inspection.mode.onsite') },
              { value: 'online', label: t('inspection.mode.online') },
            ]}
          />
        }
      />
      {query.isError && <RetryAlert message={query.error.message} onRetry={() => void query.refetch()} />}
      <Card size="small">
        <InspectionTable
          inspections={data?.items ?? []}
          showProject
          loading={query.isLoading}
          emptyText={t('site.noInspections')}
        />
        {data && data.total > PAGE_SIZE && (
          <Flex justify="end" style={{ marginTop: 12 }}>
            <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} onChange={setPage} />
          </Flex>
        )}
      </Card>
    </div>
  );
}

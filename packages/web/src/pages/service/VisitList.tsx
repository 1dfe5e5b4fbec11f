import { Empty, Image, List, Space, Typography } from 'antd';
import type { VisitOutput } from '@keyprojects/core';
import { attachmentUrl } from '../../api/visits.ts';
import { useT } from '../../i18n/useT.ts';

/** Visits as a list: date and officer (or project), findings, photo thumbnails (tap to enlarge). */
export function VisitList({
  visits,
  projectNames,
  loading,
}: {
  visits: VisitOutput[];
  /** When given, each visit names its project (the officer's overview lists several projects). */
  projectNames?: Map<number, string>;
  loading?: boolean;
}) {
  const t = useT();
  return (
    <List
      size="small"
      loading={loading ?? false}
      dataSource={visits}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('visit.empty')} /> }}
      renderItem={(visit) => (
        <List.Item key={visit.id}>
          <List.Item.Meta
            title={
              <Space size={8} wrap>
                <Typography.Text strong>{visit.visitedOn}</Typography.Text>
                <Typography.Text type="secondary">
                  {projectNames?.get(visit.projectId) ?? visit.officerName}
                </Typography.Text>
              </Space>
            }
            description={
              <>
                <Typography.Paragraph style={{ marginBottom: visit.photos.length ? 8 : 0 }}>
                  {visit.findings}
                </Typography.Paragraph>
                {visit.photos.length > 0 && (
                  <Image.PreviewGroup>
                    <Space wrap>
                      {visit.photos.map((photo) => (
                        <Image
                          key={photo.id}
                          width={72}
                          height={72}
                          src={attachmentUrl(photo.id)}
                          alt={photo.fileName}
                        />
                      ))}
                    </Space>
                  </Image.PreviewGroup>
                )}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

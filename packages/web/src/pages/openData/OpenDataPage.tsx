import { Button, Card, Col, Flex, Row, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { isSandboxRegion } from '@keyprojects/core';
import { oc4idsPackageUrl } from '../../api/oc4ids.ts';
import { useProjectList } from '../../api/projects.ts';
import { Forbidden } from '../../components/Forbidden.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/useT.ts';
import { useSession } from '../../session/useSession.ts';
import { Oc4idsImportCard } from './Oc4idsImportCard.tsx';

/** 开放数据: what OC4IDS is, the package of the visible projects, and (for the city) importing a package. */
export default function OpenDataPage() {
  const t = useT();
  const { can, user } = useSession();
  // Counts say what they count: the sandbox is its own scope, never inside a city's figures.
  const sandbox = user?.regionCode ? isSandboxRegion(user.regionCode) : false;
  // Only the count is needed: the package holds every visible project of every plan year.
  const count = useProjectList({ page: 1, pageSize: 1 }, can('project.read'));

  if (!can('project.read')) return <Forbidden />;

  return (
    <div className="kp-page">
      <PageHeader title={t('openData.title')} sub={t('openData.sub')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('openData.aboutTitle')} style={{ height: '100%' }}>
            <Typography.Paragraph>{t('openData.about1')}</Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{t('openData.about2')}</Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Flex vertical gap={12}>
            <Card size="small" title={t('openData.exportTitle')}>
              <Flex vertical gap={12} align="flex-start">
                <Typography.Text>
                  {t('openData.exportBody', {
                    total: count.data?.total ?? '…',
                    scope: t(sandbox ? 'count.sandboxOnly' : 'count.noSandbox'),
                  })}
                </Typography.Text>
                <Button
                  type="primary"
                  icon={<DownloadOutlined />}
                  href={oc4idsPackageUrl()}
                  download="oc4ids-projects.json"
                  data-testid="oc4ids-download"
                >
                  {t('openData.download')}
                </Button>
              </Flex>
            </Card>
            {can('oc4ids.import') && <Oc4idsImportCard />}
          </Flex>
        </Col>
      </Row>
    </div>
  );
}

import { Card, Col, Row, Statistic } from 'antd';
import type { NoticeFiguresOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';

/** The notice's figures at a glance, above its text. */
export function NoticeFigures({ figures }: { figures: NoticeFiguresOutput }) {
  const t = useT();
  const cells = [
    { title: t('notice.figures.raised'), value: figures.warningsRaisedRed + figures.warningsRaisedYellow },
    { title: t('notice.figures.cleared'), value: figures.warningsCleared },
    { title: t('notice.figures.activeRed'), value: figures.activeRed, color: '#cf1322' },
    { title: t('notice.figures.activeYellow'), value: figures.activeYellow, color: '#d48806' },
    { title: t('notice.figures.opened'), value: figures.problemsOpened },
    { title: t('notice.figures.closed'), value: figures.problemsClosed },
    { title: t('notice.figures.open'), value: figures.problemsOpen },
    { title: t('notice.figures.overdue'), value: figures.problemsOverdue, color: '#cf1322' },
  ];
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Row gutter={[12, 12]}>
        {cells.map((cell) => (
          <Col key={cell.title} xs={12} sm={6} xl={3}>
            <Statistic title={cell.title} value={cell.value} styles={{ content: { color: cell.color } }} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

import { Col, Row } from 'antd';
import type { DashboardOutput } from '@keyprojects/core';
import { useT } from '../../i18n/useT.ts';
import type { OnDrill } from './drill.ts';
import { FigureCard } from './FigureCard.tsx';
import { buildHeadlineCards } from './headlineCards.ts';

/** The headline figures: four to a row on a desktop, two on a phone. */
export function HeadlineCards({ data, onDrill }: { data: DashboardOutput; onDrill: OnDrill }) {
  const t = useT();
  const cards = buildHeadlineCards(data, t, onDrill);
  return (
    <Row gutter={[12, 12]} data-testid="headline-figures">
      {cards.map((card) => (
        <Col key={card.id} xs={12} md={8} xl={6}>
          <FigureCard model={card} previousAsOf={data.previousAsOf} />
        </Col>
      ))}
    </Row>
  );
}

import { Flex, Tooltip, Typography } from 'antd';
import { Panel } from '../../components/Panel.tsx';
import { useT } from '../../i18n/useT.ts';
import { YoyDelta } from './YoyDelta.tsx';

/** A figure beside the headline one (新建 210, 开复工率 77.3%), opening its own drill-down when it has one. */
export interface FigurePart {
  label: string;
  value: string;
  /** The exact value behind a rounded one, shown on hover ('精确值 77.26%'). */
  exact?: string;
  onOpen?: () => void;
}

/** A year-on-year difference of the card's figures. */
export interface FigureYoy {
  sign: -1 | 0 | 1;
  text: string;
}

export interface FigureCardModel {
  /** Names the card for tests: figure-<id>. */
  id: string;
  label: string;
  value: string;
  unit: string;
  /** The exact value (万元 amount or count) behind the rounded one shown. */
  exact: string;
  /** That exact value as people read it, shown on hover when the figure is rounded ('15,282,012.34万元'). */
  exactText?: string;
  /** What a click on the number lists. */
  onOpen: () => void;
  parts: FigurePart[];
  yoy: FigureYoy[];
}

/** One headline card: the figure (a button that opens the projects behind it), its parts and 同比. */
export function FigureCard({ model, previousAsOf }: { model: FigureCardModel; previousAsOf: string }) {
  const t = useT();
  return (
    <Panel style={{ height: '100%' }} bodyStyle={{ padding: '12px 14px' }} data-testid={`figure-${model.id}`}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {model.label}
      </Typography.Text>
      <Tooltip title={model.exactText}>
        <button
          type="button"
          className="kp-figure-value"
          onClick={model.onOpen}
          data-value={model.exact}
          aria-label={`${model.label} ${model.value}${model.unit}，${t('dashboard.openProjects')}`}
        >
          {model.value}
          <span className="kp-figure-unit">{model.unit}</span>
        </button>
      </Tooltip>
      {model.parts.length > 0 && (
        <Flex wrap gap="2px 10px" style={{ fontSize: 12 }}>
          {model.parts.map((part) => (
            <Tooltip key={part.label} title={part.exact}>
              {part.onOpen ? (
                <button type="button" className="kp-figure-part" onClick={part.onOpen}>
                  {part.label} <strong>{part.value}</strong>
                </button>
              ) : (
                <span className="kp-figure-part-static" tabIndex={part.exact ? 0 : undefined}>
                  {part.label} <strong>{part.value}</strong>
                </span>
              )}
            </Tooltip>
          ))}
        </Flex>
      )}
      <Tooltip title={t('dashboard.yoyHint', { date: previousAsOf })}>
        <Flex wrap gap="0 10px" style={{ fontSize: 12, marginTop: 4 }} data-testid="yoy">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboard.yoy')}
          </Typography.Text>
          {model.yoy.map((item, index) => (
            <YoyDelta key={index} sign={item.sign} text={item.text} />
          ))}
        </Flex>
      </Tooltip>
    </Panel>
  );
}

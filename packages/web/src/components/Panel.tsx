import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

export interface PanelProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  title?: ReactNode;
  extra?: ReactNode;
  hoverable?: boolean;
  bodyStyle?: CSSProperties;
  children?: ReactNode;
}

/**
 * A small bordered card that looks like Ant Design's `<Card size="small">` (styles.css, from the theme's tokens)
 * without the Card component: Card imports Tabs, and through them Menu and Overflow, for a tab bar the dashboard
 * never shows, ~22 KB gzip of the first page's script. (Card's own classes are not enough: its sizes are CSS variables
 * that only a mounted Card registers.) Pages that load later keep using Card.
 */
export function Panel({ title, extra, hoverable, bodyStyle, className, children, ...rest }: PanelProps) {
  const classes = ['kp-panel', hoverable && 'kp-panel-hoverable', className];
  return (
    <div className={classes.filter(Boolean).join(' ')} {...rest}>
      {(title ?? extra) !== undefined && (
        <div className="kp-panel-head">
          {title !== undefined && <div className="kp-panel-title">{title}</div>}
          {extra !== undefined && <div className="kp-panel-extra">{extra}</div>}
        </div>
      )}
      <div className="kp-panel-body" style={bodyStyle}>
        {children}
      </div>
    </div>
  );
}

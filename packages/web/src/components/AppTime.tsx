/**
 * A timestamp on the application's calendar (the server's `effectiveAt`: in a replayed year, actions taken now
 * read on the application's date), the real time in a tooltip where the two differ.
 */
import { Tooltip } from 'antd';
import { useT } from '../i18n/useT.ts';
import { appTime } from '../lib/appDate.ts';

/** `at`: the real timestamp; `effective`: its effectiveAt; `none`: shown when there is no timestamp. */
export function AppTime({
  at,
  effective,
  none,
}: {
  at: string | null | undefined;
  effective?: string | null;
  none?: string;
}) {
  const t = useT();
  const time = appTime(at, effective);
  if (!time) return <>{none ?? ''}</>;
  if (!time.real) return <span className="kp-nowrap">{time.shown}</span>;
  return (
    <Tooltip title={t('common.realTime', { time: time.real })}>
      <span className="kp-nowrap" style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>
        {time.shown}
      </span>
    </Tooltip>
  );
}

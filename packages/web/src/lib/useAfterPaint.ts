import { useEffect, useState } from 'react';

/**
 * False until the frame after `ready` first became true: what a page shows then (charts, filters, the map) is
 * requested only once its first content is on screen, so those chunks never hold back the first paint.
 */
export function useAfterPaint(ready = true): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    const frame = requestAnimationFrame(() => setPainted(true));
    return () => cancelAnimationFrame(frame);
  }, [ready, painted]);
  return painted;
}

/** True from the first render where `value` was true on: a lazy drawer stays mounted to animate its closing. */
export function useOnceTrue(value: boolean): boolean {
  const [seen, setSeen] = useState(value);
  if (value && !seen) setSeen(true);
  return seen || value;
}

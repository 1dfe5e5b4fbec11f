/** The other half of a deliberate import cycle for layers.lint.test.ts (with first.ts). Never imported. */
import { first } from './first.ts';

/** Calls the first half, lazily. */
export const second = (): number => (Math.random() > 2 ? first() : 0);

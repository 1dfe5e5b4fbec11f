/** One half of a deliberate import cycle for layers.lint.test.ts (with second.ts). Never imported. */
import { second } from './second.ts';

/** Calls the other half. */
export const first = (): number => second() + 1;

import type { zhEnvironment } from './zh.environment.ts';

/** The English messages of the running environment: the demo banner shown on every page. */
export const enEnvironment: Record<keyof typeof zhEnvironment, string> = {
  'env.demoBanner': 'Demo environment · simulated data',
  'env.demoBannerHint':
    'This is a demonstration: its projects, organisations, accounts and figures are generated, not real.',
} as const;

/**
 * The server's configuration, parsed once from the environment with zod. A bad variable stops the
 * process with a message naming every problem.
 */
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './paths.ts';

export { REPO_ROOT };

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** The demo city, 大庆市 (its generator is demo/daqing.*). */
export const DEMO_CITY_CODE = '230600';

/** The demo's secret key; production mode refuses to start with it. */
export const DEMO_SECRET_KEY = 'keyprojects-demo-secret-key-not-for-production';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('data'),
  DATABASE_URL: z.url().optional(),
  /**
   * A streaming replica of DATABASE_URL's database: dashboards, drill lists and exports read there, except for a
   * session that wrote something the replica has not replayed yet. Ignored without DATABASE_URL.
   */
  DATABASE_READ_URL: z.url().optional(),
  /**
   * Load the demo city into an empty database on start and show demo passwords on the login page; on unless in
   * production mode.
   */
  DEMO: booleanFlag.optional(),
  /** Mark the session cookie Secure (set behind HTTPS). */
  COOKIE_SECURE: booleanFlag.default(false),
  SESSION_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(480),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * The city this system serves (GB/T 2260 code, e.g. 230600 大庆市): its name heads the login page. The demo
   * serves 大庆 unless told otherwise; without it (and without the demo) the login page names no city.
   */
  CITY_CODE: z
    .string()
    .regex(/^\d{6}$/, { error: 'a six-digit GB/T 2260 code' })
    .optional(),
  /** Fix the application's date (YYYY-MM-DD), e.g. to replay a past year; the demo uses its own date by default. */
  TODAY: z.iso.date().optional(),
  /** Day of the following month by which owners must file a month's report (the period locks after it). */
  REPORT_DEADLINE_DAY: z.coerce.number().int().min(1).max(28).default(5),
  /** Trust X-Forwarded-For from a reverse proxy when recording client addresses. */
  TRUST_PROXY: booleanFlag.default(false),
  /** Where the Noto CJK fonts for PDF bulletins are (Debian's fonts-noto-cjk). */
  PDF_FONT_DIR: z.string().min(1).default('/usr/share/fonts/opentype/noto'),
  /** Key for what the app encrypts at rest (TOTP seeds); production refuses the demo default. */
  SECRET_KEY: z.string().min(32).default(DEMO_SECRET_KEY),
  /** Authentication: password age before a forced change, absolute session lifetime, sessions per account. */
  PASSWORD_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  MAX_SESSIONS_PER_USER: z.coerce.number().int().min(1).max(100).default(3),
  /** Require TOTP of the city and system/security/audit administrators; default on in production only. */
  MFA_ENFORCE: booleanFlag.optional(),
  /** `production` (or NODE_ENV=production) turns the demo off and refuses demo secrets and insecure cookies. */
  KP_ENV: z.enum(['demo', 'development', 'production']).optional(),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  demo: boolean;
  cookieSecure: boolean;
  sessionTtlMinutes: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  today: string | undefined;
  /** The city the system serves (CITY_CODE; the demo's 大庆 by default in demo mode), or null. */
  cityCode: string | null;
  reportDeadlineDay: number;
  pdfFontDir: string;
  secretKey: string;
  passwordMaxAgeDays: number;
  sessionMaxHours: number;
  maxSessionsPerUser: number;
  mfaEnforce: boolean;
  /** Production mode: no demo city or accounts, no demo secret, Secure cookies (checked by loadConfig). */
  production: boolean;
  webDist: string;
}

/**
 * Production refuses, naming each: the demo city (DEMO=true), the demo secret key, and a cookie without Secure.
 * No exception for a TLS-terminating proxy: the browser still speaks HTTPS to the proxy, so the Secure cookie
 * works there; COOKIE_SECURE=false would only serve a plain-HTTP deployment, which a level-3 system may not be.
 */
function assertProductionReady(e: z.infer<typeof envSchema>): void {
  const problems: string[] = [];
  if (e.DEMO === true)
    problems.push('  DEMO: production mode never loads the demo city or its accounts; remove DEMO=true');
  if (e.SECRET_KEY === DEMO_SECRET_KEY)
    problems.push('  SECRET_KEY: production mode needs its own secret (32+ random characters), not the demo default');
  if (!e.COOKIE_SECURE)
    problems.push(
      '  COOKIE_SECURE: production mode serves over HTTPS; set COOKIE_SECURE=true (also behind a TLS proxy)',
    );
  if (problems.length > 0) throw new Error(`Invalid configuration for production:\n${problems.join('\n')}`);
}

/** Parses the environment (and optional overrides, e.g. from CLI flags) into a Config or throws naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  const production = e.KP_ENV === 'production' || (e.KP_ENV === undefined && e.NODE_ENV === 'production');
  if (production) assertProductionReady(e);
  // npm runs workspace scripts inside the package; a relative DATA_DIR means relative to where the user ran npm.
  const base = env.INIT_CWD ?? process.cwd();
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.isAbsolute(e.DATA_DIR) ? e.DATA_DIR : path.resolve(env.DATA_DIR ? base : REPO_ROOT, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseReadUrl: e.DATABASE_URL ? e.DATABASE_READ_URL : undefined,
    demo: e.DEMO ?? !production,
    cookieSecure: e.COOKIE_SECURE,
    sessionTtlMinutes: e.SESSION_TTL_MINUTES,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    today: e.TODAY,
    cityCode: e.CITY_CODE ?? ((e.DEMO ?? !production) ? DEMO_CITY_CODE : null),
    reportDeadlineDay: e.REPORT_DEADLINE_DAY,
    pdfFontDir: e.PDF_FONT_DIR,
    secretKey: e.SECRET_KEY,
    passwordMaxAgeDays: e.PASSWORD_MAX_AGE_DAYS,
    sessionMaxHours: e.SESSION_MAX_HOURS,
    maxSessionsPerUser: e.MAX_SESSIONS_PER_USER,
    mfaEnforce: e.MFA_ENFORCE ?? production,
    production,
    webDist: path.join(REPO_ROOT, 'packages/web/dist'),
  };
}

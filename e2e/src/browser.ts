/**
 * Which Chromium the browser tests (and bench/'s browser scripts) launch, so that `npm install && npm test` needs
 * no apt step: the system's Chromium when there is one (CHROMIUM_PATH, else /usr/bin/chromium), otherwise the
 * build packaged inside the npm package @sparticuz/chromium, unpacked to the temp folder on first use.
 * KP_CHROMIUM=packaged forces the packaged build (to prove it works where a system one exists); =system forbids it.
 */
import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/** Where Debian and Ubuntu put their Chromium. */
const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
/** Flags for a headless run as root in a container: no sandbox, no GPU, no /dev/shm, no network chatter. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];
/**
 * Flags of the packaged build's list (made for AWS Lambda) left out: two switch off checks the tests rely on (same
 * origin, mixed content), and --single-process makes closing one browser context close the whole browser.
 */
const LEFT_OUT = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

/** The Chromium chosen, and why (printed by the harness so that a run says which browser it used). */
export interface ChromiumChoice {
  options: LaunchOptions & { executablePath: string };
  source: 'system' | 'packaged';
}

/** The launch options of the Chromium to use here. */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const wanted = env.KP_CHROMIUM ?? 'auto';
  if (!['auto', 'system', 'packaged'].includes(wanted)) {
    throw new Error(`KP_CHROMIUM must be auto, system or packaged, not ${wanted}`);
  }
  const system = env.CHROMIUM_PATH ?? SYSTEM_PATHS.find((candidate) => existsSync(candidate));
  if (wanted !== 'packaged' && system !== undefined) {
    if (!existsSync(system)) throw new Error(`CHROMIUM_PATH names no file: ${system}`);
    return { source: 'system', options: { executablePath: system, args: ARGS } };
  }
  if (wanted === 'system')
    throw new Error('KP_CHROMIUM=system, but there is no Chromium at /usr/bin/chromium or CHROMIUM_PATH');
  // Imported only here: on Amazon Linux its module sets library paths for the whole process on import.
  const { default: packaged } = await import('@sparticuz/chromium');
  const args = [...ARGS, ...packaged.args.filter((arg) => !LEFT_OUT.has(arg) && !ARGS.includes(arg))];
  return { source: 'packaged', options: { executablePath: await packaged.executablePath(), args } };
}

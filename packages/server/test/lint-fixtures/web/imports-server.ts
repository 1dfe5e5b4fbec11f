/**
 * A deliberately bad web file for layers.lint.test.ts: the web talks to the server over HTTP and takes its types from
 * core, so importing the server must be reported. Never imported.
 */
import type { AppDeps } from '../../../../server/src/deps.ts';

/** A web helper that knows the server's internals. */
export const demoAccountsOf = (deps: AppDeps) => deps.demoAccounts;

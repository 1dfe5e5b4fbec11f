/**
 * A deliberately bad module file for layers.lint.test.ts: app.ts imports the modules, so a module importing app.ts
 * makes a cycle and must be reported (AppDeps comes from deps.ts). Never imported.
 */
import type { buildApp } from '../../../src/app.ts';

/** A module that names the app. */
export type Builder = typeof buildApp;

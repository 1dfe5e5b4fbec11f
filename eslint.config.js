// Type-aware linting for every workspace; zero warnings allowed (`npm run lint`). The layer rules of the README's
// architecture section are enforced here (imports between layers, queries only in repositories, one error handler,
// no import cycles); layers.lint.test.ts proves each on a deliberately bad fixture in packages/server/test/lint-fixtures/.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Fixtures stand in for a file of the layer they are named after (lint-fixtures/core/… is "a core file").
const FIXTURES = 'packages/server/test/lint-fixtures';
const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/*.fixture.ts', '**/*.fixtures.ts'];

const NODE_IO = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'net', 'http', 'https', 'stream', 'stream/*'];

/** Core is pure: no server, no web, no database, no HTTP framework, no React, no node I/O. */
const coreImports = {
  patterns: [
    {
      group: ['@keyprojects/server', '@keyprojects/server/*', '@keyprojects/web', '@keyprojects/web/*'],
      message: 'Core is shared by server and web and imports neither.',
    },
    { group: ['**/server/**', '**/web/**'], message: 'Core is shared by server and web and imports neither.' },
    {
      group: ['kysely', 'kysely/*', 'pg', 'pg/*', '@electric-sql/*', 'fastify', 'fastify/*', '@fastify/*'],
      message: 'Core holds pure domain logic: no database and no HTTP framework.',
    },
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'antd', 'antd/*'], message: 'Core has no UI.' },
    { group: NODE_IO, message: 'Core does no I/O: read and write files in the server.' },
  ],
};

/** The web talks to the server over HTTP only; the shared shapes come from @keyprojects/core. */
const webImports = {
  patterns: [
    {
      group: ['@keyprojects/server', '@keyprojects/server/*', '**/server/**'],
      message: 'The web imports nothing of the server: take the contract (schema, type) from @keyprojects/core.',
    },
    {
      group: ['kysely', 'kysely/*', 'pg', 'pg/*', '@electric-sql/*', 'fastify', 'fastify/*', '@fastify/*'],
      message: 'The web has no database and no HTTP server.',
    },
  ],
};

const noAppImport = {
  group: ['**/app.ts', '**/app'],
  message: 'Import AppDeps from deps.ts; app.ts imports the modules, so a module importing it makes a cycle.',
};

/** The database layer knows tables, not features. */
const dbImports = {
  patterns: [
    { group: ['**/modules/**'], message: 'src/db/ imports no module: move the code that needs it into the module.' },
    noAppImport,
  ],
};

const moduleImports = { patterns: [noAppImport] };

/** Routes are schema, access and one service call: the SQL template tag belongs in a repository. */
const routeImports = {
  paths: [{ name: 'kysely', importNames: ['sql'], message: 'Routes do not query: move the SQL into the repository.' }],
  patterns: [noAppImport],
};

const projectsOutsideScope = {
  selector: "CallExpression[callee.property.name='selectFrom'][arguments.0.value=/^projects(\\s|$)/]",
  message:
    "Select projects through db/scope.ts (scopedProjects, projectCodeTaken) so the actor's scope is always applied.",
};
const errorHandlerOutsideApp = {
  selector: "CallExpression[callee.property.name='setErrorHandler']",
  message: 'One error handler, in app.ts: throw AppError (errors.ts) and let it answer.',
};
const queryInRoute = {
  selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|transaction)$/]',
  message: 'Routes do not query: call the service, which owns the transaction and calls the repository.',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'packages/web/public/**',
      // Deliberately bad code that the lint rules' own tests feed to ESLint (scope.lint.test.ts, layers.lint.test.ts).
      `${FIXTURES}/**`,
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // Fastify plugins are async by contract even when they only register routes.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
    },
  },
  {
    // Vitest's asymmetric matchers (expect.objectContaining …) are typed `any`.
    files: ['**/*.test.ts', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // No import cycles in the packages' sources (a cycle makes load order matter and hides a layer inversion).
    files: ['packages/*/src/**/*.{ts,tsx}', `${FIXTURES}/**/*.ts`],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['packages/core/src/**/*.ts', `${FIXTURES}/core/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', coreImports] },
  },
  {
    files: ['packages/web/src/**/*.{ts,tsx}', `${FIXTURES}/web/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', webImports] },
  },
  {
    files: ['packages/server/src/db/**/*.ts', `${FIXTURES}/db/**/*.ts`],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', dbImports] },
  },
  {
    files: ['packages/server/src/{modules,jobs,io}/**/*.ts', `${FIXTURES}/modules/**/*.ts`],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', moduleImports] },
  },
  {
    files: ['packages/server/src/**/*.routes.ts', `${FIXTURES}/**/*.routes.ts`],
    rules: { 'no-restricted-imports': ['error', routeImports] },
  },
  {
    // Scope in one place: every project query starts from db/scope.ts (scopedProjects, or the "code exists anywhere"
    // query), so that no endpoint can forget the actor's region. Only the scope module and the project repository
    // select from projects themselves; the CLI and the demo loader act as the system, not as a user.
    // One error handler: only app.ts may call setErrorHandler.
    files: ['packages/server/src/**/*.ts', `${FIXTURES}/**/*.ts`],
    ignores: ['packages/server/src/app.ts', ...TESTS],
    rules: { 'no-restricted-syntax': ['error', projectsOutsideScope, errorHandlerOutsideApp] },
  },
  {
    files: [
      'packages/server/src/db/scope.ts',
      'packages/server/src/modules/project/project.repository.ts',
      'packages/server/src/cli/**/*.ts',
      'packages/server/src/demo/**/*.ts',
    ],
    ignores: TESTS,
    rules: { 'no-restricted-syntax': ['error', errorHandlerOutsideApp] },
  },
  {
    // Routes are schema, `config: { access }` and one service call: no query builder, no transaction.
    files: ['packages/server/src/**/*.routes.ts', `${FIXTURES}/**/*.routes.ts`],
    rules: { 'no-restricted-syntax': ['error', projectsOutsideScope, errorHandlerOutsideApp, queryInRoute] },
  },
  {
    // The web's dates come from the application's date (lib/appDate.ts: dayjs() is its now), not the computer's
    // clock; a true clock use says so with an eslint-disable comment and its reason.
    files: ['packages/web/src/**/*.{ts,tsx}', `${FIXTURES}/web/**/*.{ts,tsx}`],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'new Date() is the computer’s clock: use appNow()/appTodayIso() from lib/appDate.ts',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Date.now() is the computer’s clock: use appNow() from lib/appDate.ts',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

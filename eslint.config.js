// Type-aware linting for every workspace; zero warnings allowed (`npm run lint`).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'packages/web/public/**',
      // Deliberately bad code that the lint rules' own tests feed to ESLint (scope.lint.test.ts).
      'packages/server/test/lint-fixtures/**',
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
    // Scope in one place: every project query starts from db/scope.ts (scopedProjects, or the "code exists anywhere"
    // query), so that no endpoint can forget the actor's region. Only the scope module and the project repository
    // select from projects themselves; the CLI and the demo loader act as the system, not as a user.
    files: ['packages/server/src/**/*.ts', 'packages/server/test/lint-fixtures/**/*.ts'],
    ignores: [
      'packages/server/src/db/scope.ts',
      'packages/server/src/modules/project/project.repository.ts',
      'packages/server/src/cli/**',
      'packages/server/src/demo/**',
      '**/*.test.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='selectFrom'][arguments.0.value=/^projects(\\s|$)/]",
          message:
            "Select projects through db/scope.ts (scopedProjects, projectCodeTaken) so the actor's scope is always applied.",
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);

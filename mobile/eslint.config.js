import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers of the app (bulletproof-react): app → features → components/lib/config. A feature never
 * imports another feature; lib and components know nothing of features; only
 * src/components/ui touches @material/web.
 */
const elements = [
  { type: 'app', pattern: 'src/app' },
  { type: 'feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'ui', pattern: 'src/components/ui' },
  { type: 'lib', pattern: 'src/lib/*', capture: ['module'] },
  { type: 'config', pattern: 'src/config' },
  { type: 'locales', pattern: 'src/locales' },
  { type: 'styles', pattern: 'src/styles' },
  { type: 'test-support', pattern: 'src/test' },
];

const allow = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } });

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'target', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'vite.config.ts', 'vitest.config.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'interface'],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The Playwright journeys and their config: outside the app's TypeScript projects.
    files: ['e2e/**/*.ts', 'playwright.config.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, boundaries },
    settings: {
      'boundaries/elements': elements,
      'boundaries/include': ['src/**/*'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'boundaries/no-unknown-files': 'error',
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            allow('app', ['feature', 'lib', 'config', 'ui', 'styles']),
            // Features reach the shared layers, never one another (see the next policy).
            allow('feature', ['lib', 'config', 'ui']),
            {
              from: { element: { type: 'feature' } },
              allow: { to: { element: { type: 'feature', captured: { feature: '{{ from.element.captured.feature }}' } } } },
            },
            allow('ui', ['lib']),
            allow('lib', ['lib', 'config', 'locales']),
            allow('test-support', ['lib']),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@material/web', '@material/web/*'], message: 'Use the wrappers in src/components/ui.' },
          ],
        },
      ],
    },
  },
  {
    // Tests reach into mocks and fakes; the boundaries apply to the app's own code.
    files: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'boundaries/dependencies': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/components/ui/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);

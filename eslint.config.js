import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'docs/*.mjs', 'electron/core/migration/gen/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
      // Sanitising decoded QR text for messages needs control-character classes.
      'no-control-regex': 'off',
    },
  },
  {
    // Only the preload and main's IPC module may touch Electron's IPC objects.
    files: ['renderer/**/*.{ts,tsx}', 'electron/core/**/*.ts', 'electron/vault/**/*.ts', 'electron/cli/**/*.ts', 'electron/service.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Electron stays in electron/main and electron/preload.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // Playwright fixtures declare their (empty) dependencies with an object pattern.
    files: ['tests/e2e/**/*.ts', 'tests/electron/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'docs/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

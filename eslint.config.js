// Lint rules: typescript-eslint's recommended set plus React hooks, for app, server, tests and bench.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'data', 'test-results', 'playwright-report', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/sync talks to the network.' }],
    },
  },
  {
    // The one write path: components and hooks never touch Dexie tables or the network directly.
    files: ['src/features/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie'], message: 'Read with src/db hooks; write with src/db/write.' },
            { group: ['dexie-react-hooks'], message: "Read with src/db/live: useLiveQueryFor never hands a screen the previous record's rows." },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '**/db/**', '**/features/**'], message: 'src/domain is pure TypeScript.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '**/db/**', '**/sync/**', '**/features/**', '**/ui/**', '**/app/**'], message: 'src/shared is what the app and the server both load: types, the protocol and rules, with no React or Dexie.' }] }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/*', '!**/src/domain', '!**/src/shared'], message: 'The server imports only src/domain and src/shared.' }] }],
    },
  },
  {
    files: ['src/sync/**/*.ts', 'server/**/*.ts', 'tests/**/*.{ts,tsx}', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
);

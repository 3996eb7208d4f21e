// Lint rules: typescript-eslint's recommended set plus React hooks, for app, server, tests and bench.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Dexie's table methods that change rows; features, ui and app reach them only through src/db/write.
const DB_WRITES = '/^(put|add|update|delete|bulkPut|bulkAdd|bulkUpdate|bulkDelete|clear|modify)$/';
const WRITE_PATH = 'Write through src/db/write (create, update, remove, restore, transact): it stamps each field and fills the outbox.';

const NO_DEXIE = [
  { group: ['dexie'], message: 'Read with src/db hooks; write with src/db/write.' },
  { group: ['dexie-react-hooks'], message: "Read with src/db/live: useLiveQueryFor never hands a screen the previous record's rows." },
];

/** A pattern for relative imports that climb `depth` folders (out of the layer) into anything but `allowed`. */
function outside(depth, allowed, message) {
  return { regex: `^(\\.\\./){${depth}}(?!(${allowed.join('|')})(/|$))`, message };
}

const FEATURE_LAYERS = ['domain', 'shared', 'db', 'session', 'ui', 'app'];
const FEATURE_MESSAGE = 'A feature imports only src/domain, src/shared, src/db, src/session, src/ui, src/app and other features.';
const UI_MESSAGE = 'src/ui is presentational: it imports only src/shared (and AutosaveField, src/db/useAutosaveField).';

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
    // The one write path: components and hooks read tables through db but never write them; src/db/write does.
    files: ['src/features/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'src/app/**/*.{ts,tsx}', 'src/session/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...NO_DEXIE] }],
      'no-restricted-syntax': [
        'error',
        { selector: `CallExpression[callee.property.name=${DB_WRITES}][callee.object.object.name='db']`, message: WRITE_PATH },
        { selector: `CallExpression[callee.property.name=${DB_WRITES}][callee.object.type='CallExpression']:has(MemberExpression[object.name='db'])`, message: WRITE_PATH },
        { selector: "CallExpression[callee.object.name='db'][callee.property.name='transaction'][arguments.0.value=/w/]", message: WRITE_PATH },
      ],
    },
  },
  // The layer table in docs/architecture.md, one block per layer. Files sit at src/<layer>/ or src/features/<feature>/,
  // so a relative import's leading ../ count says which layer it reaches; each regex names what is outside the layer's list.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '**/db/**', '**/features/**'], message: 'src/domain is pure TypeScript.' }, { regex: '^\\.\\./', message: 'src/domain imports nothing but itself.' }] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', 'dexie-react-hooks', '**/db/**', '**/sync/**', '**/features/**', '**/ui/**', '**/app/**'], message: 'src/shared is what the app and the server both load: types, the protocol and rules, with no React or Dexie.' }, outside(1, ['domain'], 'src/shared imports only src/domain.')] }],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside(1, ['domain', 'shared'], 'src/db imports only src/domain and src/shared: sync, screens and the shell sit on top of it.')] }] },
  },
  {
    files: ['src/sync/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside(1, ['domain', 'shared', 'db'], 'src/sync imports only src/domain, src/shared and src/db.')] }] },
  },
  {
    // A part of the engine in its own folder (src/sync/e2ee): one more ../ to leave the layer.
    files: ['src/sync/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [outside(2, ['domain', 'shared', 'db'], 'src/sync imports only src/domain, src/shared and src/db.')] }] },
  },
  {
    files: ['src/features/**/*.{ts,tsx}'],
    ignores: ['src/features/sync/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEXIE, outside(2, FEATURE_LAYERS, FEATURE_MESSAGE)] }] },
  },
  {
    // The sync settings and status screens are the one feature that shows the engine's state.
    files: ['src/features/sync/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEXIE, outside(2, [...FEATURE_LAYERS, 'sync'], FEATURE_MESSAGE)] }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/AutosaveField.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEXIE, outside(1, ['shared'], UI_MESSAGE)] }] },
  },
  {
    // AutosaveField is the one ui piece that saves, and it saves through src/db's autosave hook.
    files: ['src/ui/AutosaveField.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEXIE, outside(1, ['shared', 'db/useAutosaveField'], UI_MESSAGE)] }] },
  },
  {
    files: ['src/session/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [...NO_DEXIE, outside(1, ['domain', 'shared', 'db'], 'src/session imports only src/domain, src/shared and src/db (reads).')] }] },
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

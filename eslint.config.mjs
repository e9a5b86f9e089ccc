import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';

const otherApps = (self) =>
  ['connection', 'smart-charging', 'pki', 'simulator'].filter((app) => app !== self).map((app) => ({
    name: `@app/${app}`,
    message: 'Apps never import each other; share through libs/ or Kafka contracts.',
  }));

const relativeAcrossModules = {
  group: ['../../*'],
  message: 'Import other modules by their @app/* alias, not by a relative path.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', '.cache/**', '.data/**', 'node_modules/**', 'libs/contracts/src/generated/**', 'libs/ocpp/src/generated/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'no-restricted-imports': ['error', { patterns: [relativeAcrossModules] }],
    },
  },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The operator console is a browser app with its own tsconfig (DOM, JSX); it reaches the services only over HTTP.
    files: ['apps/console/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './apps/console/tsconfig.json' })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'no-console': 'error',
      'no-restricted-imports': ['error', { patterns: [{ group: ['@app/*', '@test/*'], message: 'The console is a browser app: it talks to the services over their REST APIs only.' }] }],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['connection', 'smart-charging', 'pki', 'simulator'].map((app) => ({ name: `@app/${app}`, message: 'libs/ never import apps/.' })),
          patterns: [relativeAcrossModules],
        },
      ],
    },
  },
  ...['connection', 'smart-charging', 'pki', 'simulator'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: otherApps(app), patterns: [relativeAcrossModules] }] },
  })),
  {
    // The test suites and tools are plain CommonJS scripts in places.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

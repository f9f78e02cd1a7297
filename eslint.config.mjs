// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: "Only src/vscode/ and src/extension.ts may import 'vscode': keep the core pure (see docs/ARCHITECTURE.md)." }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test/fixtures/**', 'examples/**', 'media/**', 'bench/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' }] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      curly: ['error', 'all'],
      eqeqeq: ['error', 'smart'],
      ...noVscode,
    },
  },
  { files: ['src/vscode/**/*.ts', 'src/extension.ts', 'test/integration/**/*.ts', 'test/e2e/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './src/webview/tsconfig.json' } },
  },
  { files: ['scripts/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);

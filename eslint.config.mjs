// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import layers from './scripts/eslint-layers.cjs';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: "Only src/vscode/ and src/extension.ts may import 'vscode': keep the core pure (see docs/ARCHITECTURE.md)." }] }],
};

// the core is pure: strings and plain data in and out, no editor, file system, process or network
const pureCore = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        { name: 'vscode', message: "Only src/vscode/ and src/extension.ts may import 'vscode': keep the core pure (see docs/ARCHITECTURE.md)." },
        ...builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: 'src/core is pure: no Node built-ins; the host answers through AnalyzeEnv or configureWasm (see docs/ARCHITECTURE.md).' })),
      ],
      patterns: [{ group: ['node:*'], message: 'src/core is pure: no Node built-ins; the host answers through AnalyzeEnv or configureWasm (see docs/ARCHITECTURE.md).' }],
    },
  ],
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
  { files: ['src/**/*.ts'], plugins: { aurora: layers }, rules: { 'aurora/layers': 'error', 'aurora/no-cycles': 'error' } },
  { files: ['src/core/**/*.ts'], rules: pureCore },
  { files: ['src/vscode/**/*.ts', 'src/extension.ts', 'test/integration/**/*.ts', 'test/e2e/**/*.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['src/webview/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: './src/webview/tsconfig.json' } },
  },
  { files: ['scripts/**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['scripts/**/*.mjs', 'eslint.config.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);

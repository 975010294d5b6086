import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import noLiteralUiText from './eslint-rules/no-literal-ui-text.js';
import featureBoundaries from './eslint-rules/feature-boundaries.js';
import auditedWrites from './eslint-rules/audited-writes.js';

const local = { rules: { 'no-literal-ui-text': noLiteralUiText, 'feature-boundaries': featureBoundaries, 'audited-writes': auditedWrites } };

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'reports-sample/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'scripts/**/*',
      'bench/**/*',
      'tests/**/*',
      '*.config.ts',
      '*.config.js',
      'vite.shared.ts',
      'eslint-rules/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, local },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The React Compiler rules flag patterns React itself accepts; keep the classic two as errors.
      'react-hooks/set-state-in-effect': 'off',
      'react-hooks/refs': 'off',
      'react-hooks/incompatible-library': 'off',
      'react-hooks/purity': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/static-components': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
      'local/no-literal-ui-text': 'error',
      'local/feature-boundaries': 'error',
      'local/audited-writes': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'renderer/ never imports Electron (docs/architecture.md boundaries).' }],
          patterns: [
            {
              regex: '^(\\.\\./)+electron/',
              message: 'renderer/ never imports electron/ (docs/architecture.md boundaries).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.test.{ts,tsx}'],
    rules: { 'local/no-literal-ui-text': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'dexie', 'react', 'fs', 'path', 'node:fs', 'node:path', 'node:crypto', 'crypto'],
          patterns: [
            {
              regex: '^((\\.\\./)+(renderer|electron)/|node:)',
              message: 'shared/ is pure: no Electron, Node, DOM or Dexie (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+renderer/',
              message: 'electron/ never imports renderer/ (docs/architecture.md boundaries).',
            },
          ],
        },
      ],
    },
  },
);

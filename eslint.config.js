import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', '.cache', 'training'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // scripts the page runs as they are, not bundled (src/app/startup/firstPaint/firstPaintScript.js)
    files: ['src/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
  {
    // The engine stays free of UI: no React, no D3, no app, renderer or catalog imports, at any depth
    // (src/engineBoundary.test.ts also checks that it spells no message key).
    files: ['src/resnext/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'react',
            'react/*',
            'react-dom',
            'react-dom/*',
            'd3',
            'd3-*',
            '**/app',
            '**/app/**',
            '**/viz',
            '**/viz/**',
            '**/i18n',
            '**/i18n/**',
          ],
        },
      ],
    },
  },
);

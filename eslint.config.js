// `npm run lint` (run by .ci/run): ESLint's and typescript-eslint's recommended rules over the
// sources, tests, benchmark and scripts. Formatting is not linted.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'reports/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', globalThis: 'readonly' } },
    rules: {
      // `_name` marks a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Walking up a commander command tree starts at `this`; that is no confusing alias.
      '@typescript-eslint/no-this-alias': 'off',
      // Register files are read byte by byte: control characters (NUL, BOM) are what some checks look for.
      'no-control-regex': 'off',
    },
  },
);

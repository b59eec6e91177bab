// House rules, checked by `npm test` (npm run lint): typescript-eslint's
// recommended rules; layout is Prettier's (.prettierrc.json), not ESLint's.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'test/.cache/', 'test/diagnostics/cases/', 'test/golden/ir/', 'bench/results.*'] },
  // A disable comment that no longer hides anything is an error: each one must mean something.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
      // Prettier wraps code at 140; what it cannot wrap (strings, templates, patterns) is left long.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    // The runtime swaps users' functions of any signature; it reads only their identity, name and length.
    files: ['runtime/**', 'examples/timing.ts', 'test/unit/runtime-*.ts', 'test/support/loader-project.ts'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

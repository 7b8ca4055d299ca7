// Lint: the recommended TypeScript rules with type information, warnings treated as errors by
// `npm run lint` (--max-warnings 0).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      '.cache',
      '.local',
      'console/dist',
      'console/explore/dist',
      'console/desk/dist',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // Plain JavaScript (bin/, docs/examples/) runs on Node.
  { files: ['**/*.js', '**/*.mjs'], languageOptions: { globals: globals.node } },
);

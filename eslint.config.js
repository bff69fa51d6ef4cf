import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['build/**', 'public/build/**', 'app/generated/**', 'node_modules/**', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': ['error', { allow: ['info', 'warn', 'error'] }],
    },
  },
  {
    // Routes are thin: every write goes through a service (which also writes the audit rows).
    files: ['app/routes/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/db.server*', '**/database.server*'], message: 'Routes read through app/models and write through app/services.' }] }],
    },
  },
)

import tseslint from 'typescript-eslint'

const TESTS = ['**/*.test.ts', '**/*.test.tsx']

/** An import of one of app/'s folders, by alias (`#app/models/…`) or relative path (`../models/…`). */
const layer = (message, ...folders) => ({
  regex: String.raw`^(#app/|(\.\./)+)(${folders.join('|')})/`,
  message: `${message}: no import from app/${folders.join(', app/')}.`,
})

/** App code reaches search/ only through app/utils/search.server.ts (the process entries in app/cli/ wire it up). */
const SEARCH_DOOR = { regex: String.raw`^(#search/|(\.\./)+search/)`, message: 'App code reaches search/ only through app/utils/search.server.ts.' }

const restrictImports = (files, patterns, { ignores = [] } = {}) => ({ files, ignores, rules: { 'no-restricted-imports': ['error', { patterns }] } })

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
  // The layers (README, Layout). A file's imports, by alias or relative path, are checked against the rules of
  // its folder; a later block replaces an earlier one's list for the files they share, so each block repeats
  // the rules that still apply. Tests are exempt: they set up data through any layer.
  restrictImports(['app/**'], [SEARCH_DOOR], { ignores: ['app/utils/search.server.ts', 'app/cli/**', ...TESTS] }),
  restrictImports(
    ['app/routes/**'],
    [
      // Routes are thin: every write goes through a service (which also writes the outbox and audit rows).
      { group: ['**/db.server*', '**/database.server*'], message: 'Routes read through app/models and write through app/services.' },
      SEARCH_DOOR,
    ],
  ),
  restrictImports(['app/utils/**'], [layer('app/utils/ is infrastructure only', 'models', 'services', 'presenters', 'components', 'routes'), SEARCH_DOOR], {
    ignores: ['app/utils/search.server.ts', ...TESTS],
  }),
  restrictImports(['app/utils/search.server.ts'], [layer('app/utils/ is infrastructure only', 'models', 'services', 'presenters', 'components', 'routes')]),
  restrictImports(['app/models/**'], [layer('Models read; writes (services) build on them, not the reverse', 'services'), SEARCH_DOOR], { ignores: TESTS }),
  restrictImports(
    ['app/components/**'],
    [
      layer('Components take their data as props (or from useRouteLoaderData), never from a route module', 'routes'),
      { regex: String.raw`^(#app/|(\.\./)+)root(\.tsx)?$`, message: 'Components never import root.tsx (its hooks live in app/components/).' },
      SEARCH_DOOR,
    ],
    { ignores: TESTS },
  ),
  // search/ is a library the app uses (search/README.md): it gets its Prisma client and its loop from the caller.
  restrictImports(
    ['search/**'],
    [
      {
        regex: String.raw`^(#app/(?!generated/|policies/)|(\.\./)+app/)`,
        message: 'search/ imports nothing from app/ but the generated Prisma client and app/policies (the visibility rule).',
      },
    ],
  ),
)

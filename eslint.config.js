// One flat config for the workspace: typescript-eslint type-checked rules plus the
// import boundaries of STYLE.md ("arrows point one way"), enforced here rather than in review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const THROUGH_INDEX = 'A module is reached through its index.ts, never its internals.';

/**
 * The arrows of STYLE.md and docs/ARCHITECTURE.md, one named boundary each. Every boundary
 * becomes its own rule (`arrows/<name>`, the `no-restricted-imports` implementation under
 * another name) because in a flat config a later `no-restricted-imports` for the same files
 * replaces an earlier one: one shared rule name silently dropped boundaries where globs overlap.
 * tests/lint/boundaries.test.ts proves each one reports.
 */
export const boundaries = [
  {
    name: 'shared-imports-only-zod',
    files: ['packages/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    patterns: [
      { regex: '^(?!zod$|\\.{1,2}/).*', message: '@mesa/shared imports only zod and itself.' },
    ],
  },
  {
    name: 'editor-never-imports-apps',
    files: ['packages/editor/**/*.ts'],
    patterns: [
      {
        group: ['@mesa/server', '@mesa/server/*', '@mesa/web', '@mesa/web/*', '**/apps/**'],
        message: '@mesa/editor serves both apps and imports neither.',
      },
    ],
  },
  {
    name: 'server-never-imports-web',
    files: ['apps/server/**/*.ts'],
    patterns: [
      {
        group: ['@mesa/web', '@mesa/web/*', '**/apps/web/**'],
        message: 'The server never imports the web app.',
      },
    ],
  },
  {
    name: 'services-know-no-transport',
    files: [
      'apps/server/src/modules/**/*.service.ts',
      'apps/server/src/modules/**/*.repository.ts',
    ],
    patterns: [
      {
        group: [
          'fastify',
          'fastify/*',
          'fastify-plugin',
          '@fastify/*',
          'socket.io',
          'socket.io/*',
          'ws',
          '**/realtime/**',
          '**/plugins/**',
        ],
        message: 'Services and repositories know nothing of HTTP, Socket.IO or websockets.',
      },
    ],
  },
  {
    name: 'routes-never-call-repositories',
    files: ['apps/server/src/modules/**/*.routes.ts', 'apps/server/src/modules/**/*.realtime.ts'],
    patterns: [
      {
        group: ['**/*.repository.js', '**/*.repository'],
        message: 'Routes and socket handlers call services, never repositories.',
      },
    ],
  },
  {
    name: 'modules-through-index',
    files: ['apps/server/src/**/*.ts'],
    patterns: [{ regex: '(^|/)modules/[^/]+/(?!index(\\.js)?$)', message: THROUGH_INDEX }],
  },
  // Inside modules/<a>/ a relative path climbs out of <a> with one `../` more than the file's
  // depth in it; what follows names another module, which is reached only through its index.
  ...[1, 2, 3].map((depth) => ({
    name: `modules-through-index-depth-${depth}`,
    files: [`apps/server/src/modules/*/${'*/'.repeat(depth - 1)}*.ts`],
    patterns: [
      { regex: `^(\\.\\./){${depth}}[^/.][^/]*/(?!index(\\.js)?$)`, message: THROUGH_INDEX },
    ],
  })),
  {
    name: 'web-never-imports-server',
    files: ['apps/web/**/*.{ts,tsx}'],
    patterns: [
      {
        group: ['@mesa/server', '@mesa/server/*', '**/apps/server/**'],
        message: 'The web app never imports the server.',
      },
    ],
  },
  {
    name: 'ui-kit-never-imports-features',
    files: ['apps/web/src/components/**/*.{ts,tsx}'],
    patterns: [
      {
        group: ['**/features/**', '**/app/**'],
        message: 'The UI kit never imports features or the app shell.',
      },
    ],
  },
  {
    name: 'lib-and-hooks-never-import-features',
    files: ['apps/web/src/lib/**/*.{ts,tsx}', 'apps/web/src/hooks/**/*.{ts,tsx}'],
    patterns: [
      {
        group: ['**/features/**', '**/app/**'],
        message: 'lib/ and hooks/ sit below features and the app shell and import neither.',
      },
    ],
  },
  {
    name: 'features-never-import-app',
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    // A test may render the whole app around a feature.
    ignores: ['**/*.test.{ts,tsx}'],
    patterns: [{ group: ['**/app/**'], message: 'Features never import the app shell.' }],
  },
  {
    name: 'only-lib-socket-imports-socket-io',
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/lib/socket.ts'],
    patterns: [
      {
        group: ['socket.io-client', 'socket.io-client/*', 'engine.io-client'],
        message: 'Only lib/socket.ts imports socket.io-client.',
      },
    ],
  },
  {
    name: 'only-collab-and-editors-import-yjs',
    files: ['apps/web/src/**/*.{ts,tsx}'],
    // Yjs stays out of the main bundle: only these (loaded lazily with the editors) import it.
    ignores: [
      'apps/web/src/lib/collab.ts',
      'apps/web/src/lib/collab.test.ts',
      'apps/web/src/features/plan/PlanEditor.tsx',
      'apps/web/src/features/plan/liveExtensions.ts',
      'apps/web/src/features/plan/liveExtensions.test.ts',
      'apps/web/src/features/plan/readOnlyText.ts',
      'apps/web/src/features/plan/readOnlyText.test.ts',
      'apps/web/src/features/plan/threadAnchors.ts',
      'apps/web/src/features/plan/threadAnchors.test.ts',
      'apps/web/src/features/minutes/MinutesEditor.tsx',
    ],
    patterns: [
      {
        group: [
          'yjs',
          'y-*',
          'lib0',
          'lib0/*',
          '@tiptap/y-tiptap',
          '@tiptap/extension-collaboration',
          '@tiptap/extension-collaboration-caret',
        ],
        message: 'Only lib/collab.ts and the plan and minutes editors import Yjs.',
      },
    ],
  },
];

/** One config block per boundary, each with its own rule, so none replaces another. */
function enforce(list) {
  const names = new Set(list.map((b) => b.name));
  if (names.size !== list.length) throw new Error('Boundary names must be unique.');
  const rule = tseslint.plugin.rules['no-restricted-imports'];
  const plugin = { rules: Object.fromEntries(list.map((b) => [b.name, rule])) };
  return list.map(({ name, files, ignores = [], patterns = [], paths = [] }) => ({
    files,
    ignores,
    plugins: { arrows: plugin },
    rules: { [`arrows/${name}`]: ['error', { patterns, paths }] },
  }));
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'bench/results/**',
      'tests/e2e/screenshots/**',
      '**/*.config.js',
      '**/build.mjs',
      'scripts/**',
      '.ci/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Use named re-exports.' },
      ],
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...enforce(boundaries),
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

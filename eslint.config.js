// One flat config for the workspace: typescript-eslint type-checked rules plus the
// import boundaries of STYLE.md ("arrows point one way"), enforced here rather than in review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

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
    files: ['packages/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict([
      { regex: '^(?!zod$|\\.{1,2}/).*', message: '@mesa/shared imports only zod and itself.' },
    ]),
  },
  {
    files: ['apps/server/**/*.ts'],
    rules: restrict([
      {
        group: ['@mesa/web', '@mesa/web/*', '**/apps/web/**'],
        message: 'The server never imports the web app.',
      },
    ]),
  },
  {
    files: [
      'apps/server/src/modules/**/*.service.ts',
      'apps/server/src/modules/**/*.repository.ts',
    ],
    rules: restrict([
      {
        group: ['fastify', 'fastify/*', 'socket.io', '@fastify/*'],
        message: 'Services and repositories know nothing of HTTP or Socket.IO.',
      },
    ]),
  },
  {
    files: ['apps/server/src/modules/**/*.routes.ts', 'apps/server/src/modules/**/*.realtime.ts'],
    rules: restrict([
      {
        group: ['**/*.repository.js', '**/*.repository'],
        message: 'Routes call services, never repositories.',
      },
    ]),
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        {
          group: ['@mesa/server', '@mesa/server/*', '**/apps/server/**'],
          message: 'The web app never imports the server.',
        },
      ]),
    },
  },
  {
    files: ['apps/web/src/components/**/*.{ts,tsx}'],
    rules: restrict([{ group: ['**/features/**'], message: 'The UI kit never imports features.' }]),
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['apps/web/src/lib/socket.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@mesa/server', '@mesa/server/*'],
              message: 'The web app never imports the server.',
            },
          ],
          paths: [
            { name: 'socket.io-client', message: 'Only lib/socket.ts imports socket.io-client.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);

import { defineConfig } from 'vitest/config';

/**
 * Vitest projects: shared, server (unit and inject tests beside the code), bench (the
 * benchmark's acknowledgement counting), web (happy-dom), lint (the import boundaries of
 * eslint.config.js), integration (real servers on port 0 against SQLite and PostgreSQL), e2e
 * (Chromium).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: 'packages/shared', include: ['src/**/*.test.ts'] } },
      { test: { name: 'editor', root: 'packages/editor', include: ['src/**/*.test.ts'] } },
      { test: { name: 'server', root: 'apps/server', include: ['src/**/*.test.ts'] } },
      { test: { name: 'bench', root: 'bench', include: ['harness/**/*.test.ts'] } },
      'apps/web/vitest.config.ts',
      // The lint boundaries: ESLint's Node API on in-memory sources, no server.
      {
        test: {
          name: 'lint',
          root: 'tests',
          include: ['lint/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration',
          root: 'tests',
          include: ['integration/**/*.test.ts', 'collab/**/*.test.ts', 'realtime/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root: 'tests',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

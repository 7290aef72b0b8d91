import { defineConfig } from 'vitest/config';

/** Stand-alone Vitest configuration, equal to the web project of the root configuration. */
export default defineConfig({
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});

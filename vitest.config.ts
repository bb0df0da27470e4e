import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          globals: true,
          include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}', 'tests/sim/**/*.test.ts', 'tests/emulator/**/*.test.ts'],
          setupFiles: ['tests/support/setup.ts'],
          // The same reasoning as the Testing Library budget in tests/support/setup.ts.
          expect: { poll: { timeout: 15_000 } },
          // The official Firestore emulator with firestore.rules, for tests/emulator/*.
          globalSetup: ['tests/emulator/globalSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One Chromium at a time: this machine has two cores.
          fileParallelism: false,
          // expect.poll returns as soon as its condition holds; its 1 s default only made a slow
          // moment on a busy CI machine (a page's first search-index build) look like a failure.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});

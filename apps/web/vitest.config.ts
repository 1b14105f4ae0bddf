import { defineConfig, mergeConfig } from 'vitest/config';
import { viteConfig } from './vite.config.ts';

export const vitestConfig = mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      restoreMocks: true,
      unstubGlobals: true,
      // jsdom renders are CPU-bound: on a busy 2-core CI box a form test can take seconds.
      testTimeout: 30_000,
    },
  }),
);

export default vitestConfig;

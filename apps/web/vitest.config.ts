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
    },
  }),
);

export default vitestConfig;

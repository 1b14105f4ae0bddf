import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.API_URL ?? 'http://localhost:3000';

export const viteConfig = defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // Read the shared contracts from source so the SPA needs no contracts build.
      '@ringtonic/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)),
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/webhooks': { target: apiTarget, changeOrigin: true },
      '/realtime': { target: apiTarget, changeOrigin: true, ws: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // React and router change rarely: a separate chunk stays cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // The Twilio Voice SDK stays in its own lazily loaded chunk (imported only for provider "twilio").
            { name: 'vendor', test: /node_modules[\\/](?!@twilio[\\/])/ },
          ],
        },
      },
    },
  },
});

// Vite loads the default export; everything else in the repo uses named exports.
export default viteConfig;

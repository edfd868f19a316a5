/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { glanceLineageProxy } from './src/server/vite-plugin.ts';

export default defineConfig({
  plugins: [react(), tailwindcss(), glanceLineageProxy()],
  server: { host: '127.0.0.1', port: 5173 },
  build: { chunkSizeWarningLimit: 900 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.real.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/testing/setup-dom.ts'],
          css: false,
        },
      },
    ],
  },
});

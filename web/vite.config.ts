/**
 * Vite builds the app into web/dist; the router serves it at `/` (router/web-app.ts). Hashed file names under
 * assets/ let the router cache them for a year. The dev server proxies GraphQL (HTTP and WebSocket) to a running router.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: '/',
  build: { outDir: 'dist', assetsDir: 'assets', sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: {
    fs: { allow: ['..'] },
    proxy: {
      '/graphql': { target: process.env.ROUTER_URL ?? 'http://127.0.0.1:8006', ws: true },
      '/download': process.env.ROUTER_URL ?? 'http://127.0.0.1:8006',
    },
  },
});

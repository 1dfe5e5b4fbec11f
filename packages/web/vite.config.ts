import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompress, preloadDashboard } from './vite.plugins.ts';

// The server serves dist/ at / with an SPA fallback; in development the API is proxied to it.
export default defineConfig({
  plugins: [react(), precompress(), preloadDashboard()],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
});

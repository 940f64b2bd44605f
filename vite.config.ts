import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which the Fastify server serves at /.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  // The ECharts chunk (~500 kB raw, 170 kB gzip) loads only with the home page's chart.
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 600 },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // '/api/' with the slash: a bare '/api' prefix would also capture the module /api.ts.
    // changeOrigin off (the string shorthand turns it on): the server's CSRF check compares the
    // Origin with the Host the browser used, so the Host must pass through unchanged.
    proxy: { '/api/': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which the Fastify server serves at /.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: '../dist/web', emptyOutDir: true },
  server: {
    host: '127.0.0.1',
    port: 5173,
    // No changeOrigin: the server's CSRF check compares Origin with the Host the browser used.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});

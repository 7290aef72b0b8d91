import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// In development the API, Socket.IO and the collaboration endpoint live on the Fastify server;
// proxying keeps the browser on one origin so the session cookie and CSP behave as in production.
// The server still checks Origin, so list the dev server in MESA_ALLOWED_ORIGINS.
const apiTarget = 'http://127.0.0.1:3000';

/** Vite configuration of the Mesa web client. */
export default defineConfig({
  // Brotli (quality 11) and gzip (level 9) copies of every text asset, made once at build time:
  // the server sends them as they are (people on slow hotel networks load less, and the server
  // compresses nothing per request). The originals stay for clients that accept neither.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget },
      '/socket.io': { target: apiTarget, ws: true },
      '/collab': { target: apiTarget, ws: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows no data: URIs for scripts or images; emit every asset as a file.
    assetsInlineLimit: 0,
  },
});

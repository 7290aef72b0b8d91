import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// In development the API, Socket.IO and the collaboration endpoint live on the Fastify server;
// proxying keeps the browser on one origin so the session cookie and CSP behave as in production.
// The server still checks Origin, so list the dev server in MESA_ALLOWED_ORIGINS.
const apiTarget = 'http://127.0.0.1:3000';

/** The packages in a chunk of their own: `name` ← packages whose path in node_modules matches. */
const packages = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

/**
 * Libraries get chunks of their own, apart from Mesa's code, for two reasons. A release changes
 * Mesa's small chunks while a browser keeps the libraries it cached (people on slow hotel
 * networks fetch the framework once, not at every release). And no chunk passes Vite's 500 kB
 * warning, which it did for real: the first page's one chunk was 600 kB minified (React DOM
 * 200, React Router 90, zod 90, i18next 50) and the lazily loaded editor's 500 kB (ProseMirror
 * and Tiptap 430). What the first page may load is held by its own budget — under 250 KB of
 * compressed JavaScript, without the editor: tests/e2e/portfolio.test.ts.
 *
 * A group also takes the dependencies of what it captures; higher priorities choose first, so
 * the editor's groups do not take React (through @tiptap/react) or Yjs (through y-tiptap).
 */
const libraryChunks = [
  { name: 'react', test: packages('react|react-dom|scheduler|react-router'), priority: 3 },
  {
    name: 'libraries',
    test: packages('zod|i18next|react-i18next|@tanstack|socket\\.io-client|engine\\.io-client'),
    priority: 3,
  },
  // The plan's documents and their offline copies; loaded with the plan, like the editor.
  { name: 'yjs', test: packages('yjs|lib0|y-protocols|y-websocket|y-indexeddb'), priority: 2 },
  {
    name: 'prosemirror',
    test: packages('prosemirror-[^\\\\/]+|rope-sequence|orderedmap|w3c-keyname'),
    priority: 1,
  },
  { name: 'tiptap', test: packages('@tiptap|linkifyjs'), priority: 1 },
];

/** Vite configuration of the Mesa web client. */
export default defineConfig(({ command }) => ({
  // Brotli (quality 11) and gzip (level 9) copies of every text asset, made once at build time:
  // the server sends them as they are (people on slow hotel networks load less, and the server
  // compresses nothing per request). The originals stay for clients that accept neither.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  // A build says nothing unless something is wrong (warnings and errors still show); the dev
  // server keeps its info lines, which give its address.
  logLevel: command === 'build' ? 'warn' : 'info',
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
    // Nobody reads the size table at warn level; the compressed copies are made anyway.
    reportCompressedSize: false,
    rolldownOptions: {
      output: { codeSplitting: { groups: libraryChunks } },
      // The bundler's report of slow plugins is about the machine (two busy cores make Vite's
      // own plugins "slow"), not about the app; it alarmed newcomers at every start.
      checks: { bundlerTimings: false },
    },
  },
}));

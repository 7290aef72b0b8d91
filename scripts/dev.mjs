// `pnpm dev`: the server (tsx watch, restarts on change) and Vite (hot reload) together.
// Open http://localhost:5173; Vite proxies /api, /socket.io and /collab to the server.
import { spawn } from 'node:child_process';

const env = {
  ...process.env,
  MESA_ALLOWED_ORIGINS: process.env.MESA_ALLOWED_ORIGINS ?? 'http://localhost:5173',
  PUBLIC_URL: process.env.PUBLIC_URL ?? 'http://localhost:5173',
};
const children = [
  spawn('pnpm', ['--filter', '@mesa/server', 'dev'], { stdio: 'inherit', env }),
  spawn('pnpm', ['--filter', '@mesa/web', 'dev'], { stdio: 'inherit', env }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });

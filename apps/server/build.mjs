// Bundles the server into dist/ with esbuild: workspace packages (@mesa/*) are inlined,
// every npm dependency stays external and is loaded from node_modules at run time.
import { build } from 'esbuild';
import { cpSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter(
  (name) => !name.startsWith('@mesa/'),
);

await build({
  // The SQLite document store's worker thread sits beside main.js (sqlite-store.ts finds it there).
  entryPoints: [
    { in: 'src/main.ts', out: 'main' },
    { in: 'src/demo.ts', out: 'demo' },
    { in: 'src/modules/documents/sqlite-store.worker.ts', out: 'sqlite-store.worker' },
  ],
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});

// The IATI 2.03 schema files sit beside dist/main.js, where iati-reader.ts looks for them.
cpSync(
  new URL('./src/modules/funding/iati-schema/', import.meta.url),
  new URL('./dist/iati-schema/', import.meta.url),
  { recursive: true },
);

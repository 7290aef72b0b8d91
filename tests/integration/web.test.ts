import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET whose body is returned as sent (fetch would decode it). */
function rawGet(url: string, acceptEncoding: string | null): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding };
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the web app as served', () => {
  let server: TestServer;
  let root: string;
  const script = `export const greeting = ${JSON.stringify('hola '.repeat(2000))};\n`;
  const asset = '/assets/app-Abc123.js';

  beforeAll(async () => {
    // A built app in miniature: the copies are made as the build makes them (quality 11, level 9).
    root = mkdtempSync(join(tmpdir(), 'mesa-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mesa</title>');
    writeFileSync(join(root, 'assets', 'app-Abc123.js'), script);
    const quality = { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } };
    writeFileSync(join(root, 'assets', 'app-Abc123.js.br'), brotliCompressSync(script, quality));
    writeFileSync(join(root, 'assets', 'app-Abc123.js.gz'), gzipSync(script, { level: 9 }));
    server = await startServer({ app: { webRoot: root } });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the Brotli copy made at build time to a browser that accepts it, cached for a year', async () => {
    const res = await rawGet(server.url + asset, 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    // The file itself, not a compression made for this request.
    expect(res.body.equals(readFileSync(join(root, 'assets', 'app-Abc123.js.br')))).toBe(true);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('falls back to the gzip copy, then to the file as it is', async () => {
    const gzip = await rawGet(server.url + asset, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body.equals(readFileSync(join(root, 'assets', 'app-Abc123.js.gz')))).toBe(true);
    const plain = await rawGet(server.url + asset, null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('answers client routes with index.html, never cached, and leaves API paths alone', async () => {
    const page = await rawGet(`${server.url}/programs/some-program`, 'br');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body.toString()).toContain('<title>Mesa</title>');
    const api = await rawGet(`${server.url}/api/no-such-route`, null);
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect((await rawGet(`${server.url}/assets/missing-Abc123.js`, 'br')).status).toBe(404);
  });
});

// The real build (scripts/test.sh builds before the integration tests run).
const webDist = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

describe('the built index.html, before any script runs', () => {
  let server: TestServer;

  beforeAll(async () => {
    if (!existsSync(join(webDist, 'index.html'))) {
      throw new Error('apps/web/dist/index.html is missing: run `pnpm build` first');
    }
    server = await startServer({ app: { webRoot: webDist } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('names the app and says the page is loading, in English and Spanish, on every client route', async () => {
    for (const path of ['/', '/sign-in', '/admin/people']) {
      const res = await rawGet(server.url + path, null);
      expect(res.status).toBe(200);
      const html = res.body.toString();
      const root = /<div id="root">([\s\S]*)<\/div>\s*<\/body>/.exec(html)?.[1] ?? '';
      expect(root).toContain('<span class="brand__name">Mesa</span>');
      expect(root).toMatch(
        /role="status"[\s\S]*Loading the page…[\s\S]*lang="es">Cargando la página…/,
      );
      expect(html).toMatch(/<html lang="en">/);
    }
  });

  it('needs nothing the CSP forbids: no inline script, the stylesheet linked from the app’s origin', async () => {
    const res = await rawGet(server.url + '/', null);
    const html = res.body.toString();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) expect(tag).toMatch(/\ssrc="\/assets\//);
    expect(html).not.toMatch(/<script\b[^>]*>[^<\s]/);
    expect(html).toMatch(/<link rel="stylesheet"[^>]*href="\/assets\/[^"]+\.css"/);
  });
});

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webPlugin } from './web.js';

describe('webPlugin', () => {
  const root = mkdtempSync(join(tmpdir(), 'mesa-web-'));
  const app = Fastify();
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mesa</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    await app.register(webPlugin, { root });
    app.get('/api/programs', async () => ({ data: [] }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves hashed assets with a year of immutable caching', async () => {
    const res = await app.inject('/assets/index-abc123.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('answers client routes with index.html that is never cached', async () => {
    const res = await app.inject('/programs/abc');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Mesa</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('leaves API paths to the API', async () => {
    const res = await app.inject('/api/programs');
    expect(res.json()).toEqual({ data: [] });
  });
});

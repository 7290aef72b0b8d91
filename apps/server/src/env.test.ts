import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies the defaults of DESIGN.md when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: './data',
      databaseUrl: null,
      publicUrl: 'http://localhost:3000',
      allowedOrigins: ['http://localhost:3000'],
      defaultLocale: 'en',
      session: { idleSeconds: 30 * 86400, maxSeconds: 90 * 86400 },
      login: { maxFailures: 10, windowSeconds: 900 },
      collab: {
        maxMessageBytes: 2 * 1024 * 1024,
        maxDocBytes: 32 * 1024 * 1024,
        maxMessagesPerSecond: 200,
        idleUnloadSeconds: 60,
      },
    });
  });

  it('writes logs in the automatic format unless LOG_FORMAT names pretty or json', () => {
    expect(loadConfig({}).logFormat).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(problemsOf({ LOG_FORMAT: 'fancy' })).toEqual([
      'LOG_FORMAT: must be auto, pretty or json (got "fancy")',
    ]);
  });

  it('names the variable and the value of a bad port', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual(['PORT: must be a port number (got "abc")']);
  });

  it('refuses REDIS_URL without DATABASE_URL in one line: several nodes need PostgreSQL', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual([
      'REDIS_URL: several nodes need PostgreSQL; set DATABASE_URL too, or unset REDIS_URL',
    ]);
    const clustered = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      DATABASE_URL: 'postgres://127.0.0.1/mesa',
    });
    expect(clustered.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('reports every problem at once', () => {
    const problems = problemsOf({
      PORT: '70000',
      DATABASE_URL: 'mysql://x',
      MESA_DEFAULT_LOCALE: 'fr',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'MESA_DEFAULT_LOCALE',
    ]);
  });

  it('adds the extra allowed origins, normalised, and refuses a malformed one', () => {
    expect(
      loadConfig({ MESA_ALLOWED_ORIGINS: 'http://localhost:5173/, https://a.example' })
        .allowedOrigins,
    ).toEqual(['http://localhost:3000', 'http://localhost:5173', 'https://a.example']);
    expect(problemsOf({ MESA_ALLOWED_ORIGINS: 'not an origin' })[0]).toContain(
      'MESA_ALLOWED_ORIGINS',
    );
  });

  it('requires the bootstrap admin email and password together', () => {
    expect(problemsOf({ MESA_ADMIN_EMAIL: 'a@example.org' })).toEqual([
      'MESA_ADMIN_EMAIL and MESA_ADMIN_PASSWORD must be set together',
    ]);
  });

  it('takes PUBLIC_URL as the own origin without a trailing slash', () => {
    const config = loadConfig({ PUBLIC_URL: 'https://mesa.example.org/' });
    expect(config.publicUrl).toBe('https://mesa.example.org');
    expect(config.allowedOrigins).toEqual(['https://mesa.example.org']);
  });
});

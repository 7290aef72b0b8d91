import { z } from 'zod';
import { Limits, LocaleSchema } from '@mesa/shared';

const DAY = 24 * 60 * 60;
const MiB = 1024 * 1024;

function positiveInt(defaultValue: number) {
  return z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .positive('must be positive')
    .default(defaultValue);
}

const EnvSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a port number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave unset for SQLite)')
    .optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// URL')
    .optional(),
  PUBLIC_URL: z.url({ error: 'must be an absolute http(s) URL' }).optional(),
  MESA_ALLOWED_ORIGINS: z.string().optional(),
  MESA_DEFAULT_LOCALE: LocaleSchema.default('en'),
  MESA_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).optional(),
  MESA_ADMIN_PASSWORD: z.string().optional(),
  MESA_DEMO_PASSWORD: z.string().optional(),
  MESA_SESSION_IDLE_SECONDS: positiveInt(30 * DAY),
  MESA_SESSION_MAX_SECONDS: positiveInt(90 * DAY),
  MESA_LOGIN_MAX_FAILURES: positiveInt(10),
  MESA_LOGIN_WINDOW_SECONDS: positiveInt(900),
  MESA_COLLAB_MAX_MESSAGE_BYTES: positiveInt(2 * MiB),
  MESA_COLLAB_MAX_DOC_BYTES: positiveInt(32 * MiB),
  MESA_COLLAB_MAX_MESSAGES_PER_SECOND: positiveInt(200),
  MESA_COLLAB_IDLE_UNLOAD_SECONDS: z.coerce.number().nonnegative().default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z
    .enum(['auto', 'pretty', 'json'], { error: 'must be auto, pretty or json' })
    .default('auto'),
});

/** The server's validated configuration; `buildApp` takes it, tests build it directly. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** A postgres URL, or null for SQLite under `dataDir`. */
  databaseUrl: string | null;
  redisUrl: string | null;
  /** The app's own origin, without a trailing slash. */
  publicUrl: string;
  /** Every origin allowed to make state-changing requests and upgrades. */
  allowedOrigins: string[];
  defaultLocale: 'en' | 'es';
  adminEmail: string | null;
  adminPassword: string | null;
  demoPassword: string | null;
  session: { idleSeconds: number; maxSeconds: number };
  login: { maxFailures: number; windowSeconds: number };
  collab: {
    maxMessageBytes: number;
    maxDocBytes: number;
    maxMessagesPerSecond: number;
    idleUnloadSeconds: number;
  };
  logLevel: string;
  /** `auto`: readable lines when stdout is a terminal, JSON otherwise (logging/log-format.ts). */
  logFormat: 'auto' | 'pretty' | 'json';
}

/** Thrown with every problem found, one per line, so `main` can print them without a stack. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** Parses an environment (normally `process.env`) into a Config, or throws ConfigError. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (i) =>
          `${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])] ?? '')})`,
      ),
    );
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const extra = (e.MESA_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const problems: string[] = [];
  const allowedOrigins = [originOf(publicUrl)];
  for (const o of extra) {
    if (URL.canParse(o)) allowedOrigins.push(originOf(o));
    else
      problems.push(`MESA_ALLOWED_ORIGINS: "${o}" is not an origin such as http://localhost:5173`);
  }
  if ((e.MESA_ADMIN_EMAIL === undefined) !== (e.MESA_ADMIN_PASSWORD === undefined)) {
    problems.push('MESA_ADMIN_EMAIL and MESA_ADMIN_PASSWORD must be set together');
  }
  const adminPassword = e.MESA_ADMIN_PASSWORD;
  if (adminPassword !== undefined && adminPassword.length < Limits.passwordMinLength) {
    problems.push(`MESA_ADMIN_PASSWORD: must have at least ${Limits.passwordMinLength} characters`);
  }
  // Several nodes share one database; SQLite is a file that only one server may open.
  if (e.REDIS_URL !== undefined && e.DATABASE_URL === undefined) {
    problems.push(
      'REDIS_URL: several nodes need PostgreSQL; set DATABASE_URL too, or unset REDIS_URL',
    );
  }
  if (e.MESA_SESSION_IDLE_SECONDS > e.MESA_SESSION_MAX_SECONDS) {
    problems.push('MESA_SESSION_IDLE_SECONDS must not exceed MESA_SESSION_MAX_SECONDS');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    publicUrl,
    allowedOrigins,
    defaultLocale: e.MESA_DEFAULT_LOCALE,
    adminEmail: e.MESA_ADMIN_EMAIL ?? null,
    adminPassword: e.MESA_ADMIN_PASSWORD ?? null,
    demoPassword: e.MESA_DEMO_PASSWORD ?? null,
    session: { idleSeconds: e.MESA_SESSION_IDLE_SECONDS, maxSeconds: e.MESA_SESSION_MAX_SECONDS },
    login: { maxFailures: e.MESA_LOGIN_MAX_FAILURES, windowSeconds: e.MESA_LOGIN_WINDOW_SECONDS },
    collab: {
      maxMessageBytes: e.MESA_COLLAB_MAX_MESSAGE_BYTES,
      maxDocBytes: e.MESA_COLLAB_MAX_DOC_BYTES,
      maxMessagesPerSecond: e.MESA_COLLAB_MAX_MESSAGES_PER_SECOND,
      idleUnloadSeconds: e.MESA_COLLAB_IDLE_UNLOAD_SECONDS,
    },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
  };
}

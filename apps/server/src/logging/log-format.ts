import pretty from 'pino-pretty';
import type { Config } from '../env.js';

/** How log lines are written: readable lines for a person, or one JSON object per line. */
export type LogFormat = 'pretty' | 'json';

/**
 * `LOG_FORMAT=auto` (the default) writes readable lines when stdout is a terminal — someone is
 * watching `./scripts/start.sh` — and JSON otherwise: a file, a pipe, a supervisor, CI, where
 * a program reads the lines. `pretty` and `json` force one or the other.
 */
export function resolveLogFormat(
  setting: Config['logFormat'],
  stdoutIsTerminal: boolean,
): LogFormat {
  if (setting !== 'auto') return setting;
  return stdoutIsTerminal ? 'pretty' : 'json';
}

/** The log format of this process (its stdout decides `auto`). */
export function processLogFormat(config: Config): LogFormat {
  return resolveLogFormat(config.logFormat, process.stdout.isTTY === true);
}

/** Pino options for Fastify: the level, secrets redacted, and a readable stream when pretty. */
export function loggerOptions(config: Config, format: LogFormat) {
  const base = {
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  };
  if (format === 'json') return base;
  // pino-pretty in the process itself, not in a transport's worker thread: a terminal's few
  // lines a second need no thread, and `sync` keeps them in order with the setup-link box
  // (written straight to stdout) and complete when the process exits. Colours follow the
  // terminal (NO_COLOR and FORCE_COLOR are honoured).
  const stream = pretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname',
    singleLine: true,
  });
  return { ...base, stream };
}

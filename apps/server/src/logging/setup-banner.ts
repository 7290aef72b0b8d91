import type { FastifyBaseLogger } from 'fastify';
import type { LogFormat } from './log-format.js';

const MESSAGE = [
  'Mesa has no administrator yet.',
  'Open this link in a browser to create the first one (it works once):',
];

/** Padding between the box's sides and its text, in characters. */
const PAD = 2;

/**
 * The setup link as a person reads it in a terminal: a box around two lines of text and the
 * link on a line of its own. When the terminal is narrower than the box (`columns`), rules
 * above and below replace it: side borders on wrapped lines would cut the link into pieces
 * that no longer copy or click as one.
 */
export function formatSetupBox(setupUrl: string, columns?: number): string {
  const lines = [...MESSAGE, '', setupUrl];
  const inner = Math.max(...lines.map((line) => line.length)) + 2 * PAD;
  if (columns !== undefined && inner + 2 > columns) {
    const rule = '─'.repeat(Math.max(1, Math.min(columns, 80)));
    return ['', rule, ...lines, rule, ''].join('\n') + '\n';
  }
  const row = (text: string) => `│${' '.repeat(PAD)}${text.padEnd(inner - PAD)}│`;
  const edge = '─'.repeat(inner);
  return ['', `┌${edge}┐`, row(''), ...lines.map(row), row(''), `└${edge}┘`, ''].join('\n') + '\n';
}

/**
 * What announces the setup link once the server listens. On a terminal: the box, straight to
 * stdout, after the "Mesa is running" line. In JSON: one info line with the link in its
 * `setupUrl` field, whatever LOG_LEVEL says (the link is the only way in to a new workspace).
 */
export function setupLinkAnnouncer(
  log: FastifyBaseLogger,
  format: LogFormat,
): (setupUrl: string) => void {
  if (format === 'pretty') {
    return (setupUrl) =>
      void process.stdout.write(formatSetupBox(setupUrl, process.stdout.columns));
  }
  return (setupUrl) =>
    log
      .child({}, { level: 'info' })
      .info(
        { setupUrl },
        'Mesa has no administrator yet: open setupUrl in a browser to create the first one (it works once)',
      );
}

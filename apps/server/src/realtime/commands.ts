import { ErrorCodes, type Ack, type AckError } from '@mesa/shared';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../authz/actor.js';
import { AppError } from '../lib/errors.js';
import type { MesaSocket } from './types.js';
import { actorOf } from './sessions.js';

/** What a command handler receives besides its parsed input. */
export interface CommandContext {
  socket: MesaSocket;
  /** The connection's person, from its session (never from the payload). */
  actor: Actor;
}

/** A command handler: parsed input in, reply data out; throws AppError to refuse. */
export type CommandHandler<I, O> = (input: I, ctx: CommandContext) => Promise<O>;

function reject(reply: (r: Ack<never>) => void, error: AckError): void {
  reply({ ok: false, error });
}

/**
 * Returns `command(schema, handler)` for one connection: parse the payload with its shared
 * schema, run the handler, answer through the ack. A bad payload, a refusal or a crash becomes
 * `{ok:false,error}` and changes nothing; a command sent without an ack is ignored.
 */
export function commandsFor(socket: MesaSocket, log: FastifyBaseLogger) {
  return function command<I, O>(
    schema: z.ZodType<I>,
    handler: CommandHandler<I, O>,
  ): (raw: unknown, ack: unknown) => void {
    return (raw, ack) => {
      if (typeof ack !== 'function') return;
      const reply = ack as (reply: Ack<O>) => void;
      const actor = actorOf(socket);
      if (!actor) return;
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        const message = `${where}${issue?.message ?? 'invalid payload'}`;
        return reject(reply, { code: ErrorCodes.validation, message });
      }
      handler(parsed.data, { socket, actor }).then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => {
          if (error instanceof AppError)
            return reply({
              ok: false,
              error: { code: error.code, message: error.message },
              ...error.ackDetails,
            });
          log.error({ err: error }, 'socket command failed');
          reject(reply, { code: ErrorCodes.internal, message: 'Something went wrong; try again.' });
        },
      );
    };
  };
}

/**
 * A token bucket per connection: `perSecond` on average, `burst` at once. Commands past it are
 * answered `too_many_requests` and dropped before any handler runs.
 */
export function limitCommands(socket: MesaSocket, perSecond: number, burst: number): void {
  let tokens = burst;
  let last = Date.now();
  socket.use((packet, next) => {
    const now = Date.now();
    tokens = Math.min(burst, tokens + ((now - last) / 1000) * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      next();
      return;
    }
    const ack: unknown = packet[packet.length - 1];
    if (typeof ack === 'function')
      reject(ack as (r: Ack<never>) => void, {
        code: ErrorCodes.tooManyRequests,
        message: 'Too many commands; slow down.',
      });
  });
}

import type { FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import { ErrorCodes, IdSchema } from '@mesa/shared';
import { AppError } from '../lib/errors.js';
import type { Actor } from './actor.js';
import type {
  CommitmentAction,
  MeetingAction,
  ProgramAction,
  RoundAction,
  WorkspaceAction,
} from './can.js';
import {
  authorizeCommitment,
  authorizeMeeting,
  authorizeProgram,
  authorizeRound,
  authorizeWorkspace,
} from './index.js';

/** Who may reach a route, as the docs and the authorization matrix name it. */
export type RouteAccess =
  | 'public'
  | 'signedIn'
  | `workspace:${WorkspaceAction}`
  | `program:${ProgramAction}`
  | `subject:${SubjectAccess}`
  | `round:${RoundAction}`
  | `meeting:${MeetingAction}`
  | `actionItem:${'edit' | 'updateStatus'}`
  | `commitment:${CommitmentAction}`;

/**
 * An action on what a comment thread is about (its subject's program, or everyone's): the
 * threads module checks it through `can()` once it knows the subject (from the query, the
 * body, or the thread or comment the route names).
 */
export type SubjectAccess = 'read' | 'comment';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may reach the route; every API route declares it through a guard below. */
    access?: RouteAccess;
  }
}

/** What a guard adds to a route's options: its declared access and the hook that enforces it. */
export interface RouteGuard {
  config: { access: RouteAccess; public?: boolean };
  preParsing?: preParsingAsyncHookHandler;
}

/** The request's signed-in person (401 otherwise; the auth plugin answers first). */
export function signedInActor(request: FastifyRequest): Actor {
  // The auth plugin answers 401 before any guard runs; this only protects a misconfiguration.
  if (!request.actor) throw new AppError(401, ErrorCodes.unauthenticated, 'Sign in to continue.');
  return request.actor;
}

/** Reachable without a session (health, sign-in, setup and invitation links). */
export function publicRoute(): RouteGuard {
  return { config: { access: 'public', public: true } };
}

/** Reachable by anyone signed in; the route acts only on the person's own data. */
export function signedIn(): RouteGuard {
  return { config: { access: 'signedIn' } };
}

/**
 * Checks a workspace-wide action through `can()` before the body is read, so a person without
 * the right gets 403 whatever they send.
 */
export function requireWorkspace(action: WorkspaceAction): RouteGuard {
  return {
    config: { access: `workspace:${action}` },
    preParsing: async (request) => {
      await authorizeWorkspace(request.server.ctx, signedInActor(request), action);
    },
  };
}

/**
 * Checks an action on the program named by the route parameter `param` through `can()` before
 * the body is read: 404 when the program does not exist, 403 when the person may not act.
 * A malformed id is left to params validation (400).
 */
export function requireProgram(action: ProgramAction, param = 'id'): RouteGuard {
  return {
    config: { access: `program:${action}` },
    preParsing: async (request) => {
      const actor = signedInActor(request);
      const raw = (request.params as Record<string, string | undefined>)[param];
      const parsed = IdSchema.safeParse(raw);
      if (!parsed.success) return;
      await authorizeProgram(request.server.ctx, actor, action, parsed.data);
    },
  };
}

/**
 * Checks an action on the priority round named by the route parameter `param` through `can()`
 * before the body is read: 404 when the round does not exist, 409 when it is closed and the
 * action writes, 403 when the person may not act. A malformed id is left to params validation.
 */
export function requireRound(action: RoundAction, param = 'id'): RouteGuard {
  return {
    config: { access: `round:${action}` },
    preParsing: async (request) => {
      const actor = signedInActor(request);
      const parsed = IdSchema.safeParse((request.params as Record<string, string>)[param]);
      if (!parsed.success) return;
      await authorizeRound(request.server.ctx, actor, action, parsed.data);
    },
  };
}

/**
 * Checks an action on the meeting named by the route parameter `param` through `can()` before
 * the body is read: 404 when the meeting does not exist, 403 when the person may not see it or
 * does not hold the action, 409 when the meeting's stage refuses it (published, cancelled…).
 * A malformed id is left to params validation.
 */
export function requireMeeting(action: MeetingAction, param = 'id'): RouteGuard {
  return {
    config: { access: `meeting:${action}` },
    preParsing: async (request) => {
      const actor = signedInActor(request);
      const parsed = IdSchema.safeParse((request.params as Record<string, string>)[param]);
      if (!parsed.success) return;
      await authorizeMeeting(request.server.ctx, actor, action, parsed.data);
    },
  };
}

/**
 * Checks an action on the commitment record named by the route parameter `param` through
 * `can()` before the body is read: 404 when it does not exist (or was deleted), 403 when the
 * person may not act. A malformed id is left to params validation.
 */
export function requireCommitment(action: CommitmentAction, param = 'id'): RouteGuard {
  return {
    config: { access: `commitment:${action}` },
    preParsing: async (request) => {
      const actor = signedInActor(request);
      const parsed = IdSchema.safeParse((request.params as Record<string, string>)[param]);
      if (!parsed.success) return;
      await authorizeCommitment(request.server.ctx, actor, action, parsed.data);
    },
  };
}

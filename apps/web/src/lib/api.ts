import { z } from 'zod';
import {
  ComponentSchema,
  ErrorBodySchema,
  OrganizationSchema,
  PlanVersionComparisonSchema,
  PlanVersionContentSchema,
  PlanVersionSchema,
  ProgramReplySchema,
  ProgramSchema,
  listOf,
  type Component,
  type Organization,
  type PlanVersion,
  type Program,
} from '@mesa/shared';

/** Codes the client itself produces when no usable error reply came back from the server. */
export const ClientErrorCodes = {
  /** The request never reached the server (offline, DNS, server down). */
  network: 'network_error',
  /** The server answered something that does not match the contract. */
  invalidReply: 'invalid_reply',
} as const;

/** A failed API call: the HTTP status (0 when there was no reply), the error code and message. */
export class ApiError extends Error {
  /** HTTP status of the reply; 0 when the request failed before any reply. */
  readonly status: number;
  /** Error code from `ErrorCodes` in @mesa/shared, or one of `ClientErrorCodes`. */
  readonly code: string;
  /** The request field at fault, when the server named one. */
  readonly field: string | undefined;
  /** Seconds to wait before trying again, from a 429's Retry-After; null when not given. */
  readonly retryAfterSeconds: number | null;
  /** Why the field was refused, as the server's codes (e.g. the password rules broken). */
  readonly reasons: readonly string[];
  /** The whole error reply, for the few errors that carry more (a stale ballot's current one). */
  readonly body: unknown;

  constructor(
    status: number,
    code: string,
    message: string,
    details: {
      field?: string;
      retryAfterSeconds?: number | null;
      reasons?: string[];
      body?: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds ?? null;
    this.reasons = details.reasons ?? [];
    this.body = details.body;
  }
}

/** Whether trying again may help: not for 4xx answers (signed out, forbidden, not found), except 408 and 429. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  if (error.status === 408 || error.status === 429) return true;
  return error.status < 400 || error.status >= 500;
}

/** Whether a thrown value is an ApiError with the given HTTP status. */
export function isApiErrorStatus(error: unknown, status: number): boolean {
  return error instanceof ApiError && error.status === status;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** Reads Retry-After given in seconds; the HTTP-date form is turned into seconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

function toApiError(response: Response, body: unknown): ApiError {
  const { status } = response;
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    const { code, message, field, reasons } = parsed.data.error;
    const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
    return new ApiError(status, code, message, { field, retryAfterSeconds, reasons, body });
  }
  // A proxy or a crashed server may answer HTML; keep the status so callers can still react.
  return new ApiError(status, ClientErrorCodes.invalidReply, `Unexpected reply (HTTP ${status})`);
}

async function request(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    // An abort is TanStack Query cancelling a stale request, not a failure to report.
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, ClientErrorCodes.network, 'The server could not be reached');
  }
}

function parseReply<T>(response: Response, body: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, ClientErrorCodes.invalidReply, parsed.error.message);
  }
  return parsed.data;
}

/** GETs a JSON endpoint and parses its reply with a shared schema; throws ApiError otherwise. */
export async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await request(path, {
    method: 'GET',
    headers: { Accept: 'application/json' },
    signal,
  });
  const body = await readJson(response);
  if (!response.ok) throw toApiError(response, body);
  return parseReply(response, body, schema);
}

/** A state-changing method. */
export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Sends a JSON body (or none) with a state-changing method. With a schema the reply is parsed
 * with it; without one the reply body is ignored (204s, or replies the caller refetches).
 */
export async function sendJson<T = undefined>(
  method: WriteMethod,
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await request(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const reply = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw toApiError(response, reply);
  if (!schema) return undefined as T;
  return parseReply(response, reply, schema);
}

const ComponentListSchema = listOf(ComponentSchema);
const ProgramListSchema = listOf(ProgramSchema);
const OrganizationListSchema = listOf(OrganizationSchema);

/** The four components of the strategy, in the order the server gives. */
export async function fetchComponents(signal?: AbortSignal): Promise<Component[]> {
  return (await getJson('/api/components', ComponentListSchema, signal)).data;
}

/** Every recorded program. */
export async function fetchPrograms(signal?: AbortSignal): Promise<Program[]> {
  return (await getJson('/api/programs', ProgramListSchema, signal)).data;
}

/** One program; throws ApiError with status 404 when it does not exist. */
export async function fetchProgram(id: string, signal?: AbortSignal): Promise<Program> {
  const path = `/api/programs/${encodeURIComponent(id)}`;
  return (await getJson(path, ProgramReplySchema, signal)).program;
}

/** Every organization of the workspace. */
export async function fetchOrganizations(signal?: AbortSignal): Promise<Organization[]> {
  return (await getJson('/api/organizations', OrganizationListSchema, signal)).data;
}

/** Address of a program plan's Markdown export (a download link, not a fetch). */
export function planMarkdownUrl(programId: string): string {
  return `/api/programs/${encodeURIComponent(programId)}/plan.md`;
}

const planPath = (programId: string) => `/api/programs/${encodeURIComponent(programId)}/plan`;
const versionPath = (programId: string, versionId: string) =>
  `${planPath(programId)}/versions/${encodeURIComponent(versionId)}`;
const PlanVersionListSchema = listOf(PlanVersionSchema);
const CreatedVersionSchema = z.object({ version: PlanVersionSchema });

/** A plan's saved versions, newest first. */
export async function fetchPlanVersions(
  programId: string,
  signal?: AbortSignal,
): Promise<PlanVersion[]> {
  return (await getJson(`${planPath(programId)}/versions`, PlanVersionListSchema, signal)).data;
}

/** Saves the live plan as a named version. */
export async function createPlanVersion(programId: string, name: string): Promise<PlanVersion> {
  const reply = await sendJson(
    'POST',
    `${planPath(programId)}/versions`,
    { name },
    CreatedVersionSchema,
  );
  return reply.version;
}

/** One version's content (ProseMirror JSON, text and Markdown), to show read-only. */
export function fetchPlanVersion(programId: string, versionId: string, signal?: AbortSignal) {
  return getJson(versionPath(programId, versionId), PlanVersionContentSchema, signal);
}

/** A version compared line by line with the current plan. */
export function comparePlanVersion(programId: string, versionId: string, signal?: AbortSignal) {
  return getJson(
    `${versionPath(programId, versionId)}/compare`,
    PlanVersionComparisonSchema,
    signal,
  );
}

/** Restores a version: its content replaces the live plan as a change everyone sees. */
export async function restorePlanVersion(programId: string, versionId: string): Promise<void> {
  await sendJson('POST', `${versionPath(programId, versionId)}/restore`);
}

import { z } from 'zod';
import {
  ComponentSchema,
  ErrorBodySchema,
  HealthSchema,
  MeReplySchema,
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
  type User,
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

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
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

function toApiError(status: number, body: unknown): ApiError {
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) {
    return new ApiError(status, parsed.data.error.code, parsed.data.error.message);
  }
  // A proxy or a crashed server may answer HTML; keep the status so callers can still react.
  return new ApiError(status, ClientErrorCodes.invalidReply, `Unexpected reply (HTTP ${status})`);
}

/** GETs a JSON endpoint and parses its reply with a shared schema; throws ApiError otherwise. */
export async function getJson<T>(
  path: string,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (cause) {
    // An abort is TanStack Query cancelling a stale request, not a failure to report.
    if (signal?.aborted) throw cause;
    throw new ApiError(0, ClientErrorCodes.network, 'The server could not be reached');
  }
  const body = await readJson(response);
  if (!response.ok) throw toApiError(response.status, body);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, ClientErrorCodes.invalidReply, parsed.error.message);
  }
  return parsed.data;
}

/**
 * Sends a state-changing request with a JSON body (same origin, so the server's Origin check
 * passes) and parses the reply with a schema; `null` schema for 204 replies.
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown,
  schema: z.ZodType<T> | null,
): Promise<T | null> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // No Content-Type without a body: Fastify refuses an empty JSON body.
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, ClientErrorCodes.network, 'The server could not be reached');
  }
  const reply = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) throw toApiError(response.status, reply);
  if (schema === null) return null;
  const parsed = schema.safeParse(reply);
  if (!parsed.success)
    throw new ApiError(response.status, ClientErrorCodes.invalidReply, parsed.error.message);
  return parsed.data;
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

/** Whether the server says it is healthy. */
export async function fetchHealth(signal?: AbortSignal): Promise<boolean> {
  return (await getJson('/api/health', HealthSchema, signal)).status === 'ok';
}

/** The signed-in person; throws ApiError with status 401 when nobody is. */
export async function fetchMe(signal?: AbortSignal): Promise<User> {
  return (await getJson('/api/me', MeReplySchema, signal)).user;
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
  if (reply === null) throw new ApiError(201, ClientErrorCodes.invalidReply, 'Empty reply');
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
  await sendJson('POST', `${versionPath(programId, versionId)}/restore`, undefined, null);
}

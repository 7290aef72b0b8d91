import type { z } from 'zod';
import {
  ComponentSchema,
  ErrorBodySchema,
  HealthSchema,
  OrganizationSchema,
  ProgramReplySchema,
  ProgramSchema,
  listOf,
  type Component,
  type Organization,
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

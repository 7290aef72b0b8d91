import {
  createPerson,
  firstProgramId,
  FACTORY_PASSWORD,
  type PersonOverrides,
  type TestPerson,
} from '@mesa/server/testing';
import { InvitationCreatedReplySchema } from '@mesa/shared';
import type { TestServer } from './server.js';

export { FACTORY_PASSWORD, type PersonOverrides, type TestPerson };

/** Creates a signed-in person on a started test server. */
export function createPersonOn(
  server: TestServer,
  overrides: PersonOverrides = {},
): Promise<TestPerson> {
  return createPerson(server.app, overrides);
}

/** A seeded program's id. */
export function aProgramId(server: TestServer): Promise<string> {
  return firstProgramId(server.app);
}

/** Fetch with a person's session and the app's own Origin, like their browser would. */
export function fetchAs(
  server: TestServer,
  person: TestPerson | null,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('origin', server.origin);
  if (person) headers.set('cookie', person.cookie);
  if (init.body !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`${server.url}${path}`, { ...init, headers });
}

/** Invites `email` as a member of `organizationId` (default: the inviter's); the new link. */
export async function inviteMember(
  server: TestServer,
  inviter: TestPerson,
  email: string,
  organizationId = inviter.organizationId,
): Promise<{ token: string; url: string }> {
  const res = await fetchAs(server, inviter, '/api/invitations', {
    method: 'POST',
    body: JSON.stringify({ email, role: 'member', organizationId }),
  });
  if (res.status !== 201) throw new Error(`invitation failed with ${res.status}`);
  return InvitationCreatedReplySchema.parse(await res.json()).invitation;
}

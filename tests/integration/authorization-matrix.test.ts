// Walks every API route the server registered with every person of DESIGN.md's table and
// signed out, asserting the exact status of each cell. A route without an entry in `table`
// fails the test by name: add one line per new route (method + URL → build + statuses).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvitationCreatedReplySchema } from '@mesa/shared';
import { createSession } from '@mesa/server/testing';
import { startServer, type TestServer } from '../helpers/server.js';
import {
  aProgramId,
  createPersonOn,
  FACTORY_PASSWORD,
  fetchAs,
  type PersonOverrides,
  type TestPerson,
} from '../helpers/people.js';
import { insertMeeting, setMeetingState } from '../helpers/minutes.js';
import {
  connectAs,
  record,
  socketAs,
  connected,
  waitFor,
  type ClientSocket,
} from '../helpers/sockets.js';

const personas = [
  'admin',
  'coordinator',
  'leadMember',
  'partnerMember',
  'observerMember',
  'viewer',
  'outsider',
  'signedOut',
] as const;
type Persona = (typeof personas)[number];
type Statuses = [number, number, number, number, number, number, number, number];

/** What one cell sends: a path, maybe a body, maybe another session than the persona's. */
interface Cell {
  path: string;
  body?: unknown;
  /** Send as this person instead (e.g. a twin, so the persona's own session survives). */
  as?: TestPerson | null;
}

interface RouteCase {
  build: (who: Persona) => Promise<Cell> | Cell;
  expect: Statuses;
  /**
   * The body names what is acted on (a thread's subject), so the refusal can only be decided
   * once the body is valid: junk answers 400, not 403.
   */
  bodyNamesResource?: boolean;
}

/** The statuses docs/api.md lists per route ("GET /api/me" → ["200", "401"]). */
function documentedStatuses(): Map<string, string[]> {
  const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const statuses = new Map<string, string[]>();
  for (const line of doc.split('\n')) {
    const route = /^\| `([A-Z]+ \/api\/[^`]+)`/.exec(line)?.[1];
    if (!route) continue;
    // Cells are split on pipes that are not escaped (body types hold `\|`).
    const cells = line.split(/(?<!\\)\|/);
    statuses.set(
      route,
      (cells.at(-2) ?? '').split(',').map((c) => c.trim()),
    );
  }
  return statuses;
}

const all = (s: number): Statuses => [s, s, s, s, s, s, s, s];
const signedIn = (s: number): Statuses => [s, s, s, s, s, s, s, 401];
const admins = (s: number): Statuses => [s, 403, 403, 403, 403, 403, 403, 401];
const coordinators = (s: number): Statuses => [s, s, 403, 403, 403, 403, 403, 401];
const readers = (s: number): Statuses => [s, s, s, s, s, s, 403, 401];
const writers = (s: number): Statuses => [s, s, s, s, 403, 403, 403, 401];
const commenters = (s: number): Statuses => [s, s, s, s, s, 403, 403, 401];

describe('authorization matrix', () => {
  let server: TestServer;
  let programId: string;
  const people = {} as Record<Persona, TestPerson | null>;
  const standing: Record<Exclude<Persona, 'signedOut'>, PersonOverrides> = {
    admin: { role: 'admin' },
    coordinator: { role: 'member', relation: 'lead', coordinator: true },
    leadMember: { role: 'member', relation: 'lead' },
    partnerMember: { role: 'member', relation: 'partner' },
    observerMember: { role: 'member', relation: 'observer' },
    viewer: { role: 'viewer', relation: 'partner' },
    outsider: { role: 'member', relation: null },
  };
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${(n += 1)}`;

  /** A new person with the persona's standing (for routes that change the person acting). */
  const twin = async (who: Persona) =>
    who === 'signedOut' ? null : createPersonOn(server, { ...standing[who], programId });
  const person = () => createPersonOn(server);
  const organization = async () => (await person()).organizationId;
  const secondSession = async (who: Persona) => {
    const p = people[who];
    if (!p) return null;
    const s = await createSession(server.app.ctx, p.userId, { userAgent: 'matrix', ip: null });
    return { ...p, sessionId: s.sessionId, cookie: `mesa_session=${s.token}` };
  };
  const invitation = async (by: TestPerson) => {
    const res = await fetchAs(server, by, '/api/invitations', {
      method: 'POST',
      body: JSON.stringify({
        email: `inv-${unique()}@example.org`,
        role: 'member',
        organizationId: people.partnerMember!.organizationId,
      }),
    });
    return InvitationCreatedReplySchema.parse(await res.json()).invitation;
  };
  const aVersion = async () => {
    const res = await fetchAs(server, people.admin, `/api/programs/${programId}/plan/versions`, {
      method: 'POST',
      body: JSON.stringify({ name: `Matrix ${unique()}` }),
    });
    return ((await res.json()) as { version: { id: string } }).version.id;
  };
  const commenting = (who: Persona) =>
    ['admin', 'coordinator', 'leadMember', 'partnerMember', 'observerMember'].includes(who);
  const threadOnProgram = async (state: 'open' | 'resolved') => {
    const res = await fetchAs(server, people.admin, '/api/threads', {
      method: 'POST',
      body: JSON.stringify({ subject: { kind: 'program', programId }, body: 'Matrix thread' }),
    });
    const { id } = (await res.json()) as { id: string };
    if (state === 'resolved')
      await fetchAs(server, people.admin, `/api/threads/${id}/resolve`, { method: 'POST' });
    return id;
  };
  const threads = new Map<string, Promise<string>>();
  const aThread = (name: string, state: 'open' | 'resolved' = 'open') => {
    if (!threads.has(name)) threads.set(name, threadOnProgram(state));
    return threads.get(name)!;
  };
  /** A comment of the persona's own when they may comment, else the admin's. */
  const aComment = async (who: Persona) => {
    const by = commenting(who) ? people[who] : people.admin;
    const res = await fetchAs(server, by, `/api/threads/${await aThread('shared')}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: `Comment by ${who}` }),
    });
    const thread = (await res.json()) as { comments: { id: string }[] };
    return thread.comments.at(-1)!.id;
  };
  /** A meeting in `state` chaired by the coordinator persona (tests/helpers/minutes.ts). */
  const aMeetingIn = async (state: 'ended' | 'published') => {
    const participants = personas.filter((p) => p !== 'outsider' && p !== 'signedOut');
    const meetingId = await insertMeeting(server, {
      chair: people.coordinator!,
      organizations: participants.map((p) => people[p]!.organizationId),
      rapporteurs: [people.leadMember!],
      agenda: [{ en: 'Budget', es: 'Presupuesto', kind: 'decision' }],
    });
    await setMeetingState(server, meetingId, 'live');
    await setMeetingState(server, meetingId, 'ended');
    if (state === 'published')
      await fetchAs(server, people.admin, `/api/meetings/${meetingId}/publish`, { method: 'POST' });
    return meetingId;
  };
  let published: Promise<string> | null = null;
  const aPublishedMeeting = () => (published ??= aMeetingIn('published'));
  const newProgram = () => ({
    code: `M${unique().toUpperCase().slice(-8)}`,
    titleEn: 'Matrix program',
    titleEs: 'Programa de la matriz',
    componentId: 'A',
    priority: false,
    status: null,
    countries: [],
    estimatedCost: null,
  });

  /** A new round opened by the admin persona (its owner); results visible while open if asked. */
  const aRound = async (resultsVisibility = 'after_close') => {
    const res = await fetchAs(server, people.admin, '/api/rounds', {
      method: 'POST',
      body: JSON.stringify({
        title: { en: `Round ${unique()}`, es: `Ronda ${unique()}` },
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        resultsVisibility,
      }),
    });
    return ((await res.json()) as { round: { id: string } }).round.id;
  };
  const aClosedRound = async () => {
    const id = await aRound();
    await fetchAs(server, people.admin, `/api/rounds/${id}/close`, { method: 'POST' });
    return id;
  };
  /** A round closed and reopened: its earlier closing's path (the reopening that undid it). */
  const aClosing = async () => {
    const id = await aClosedRound();
    const res = await fetchAs(server, people.admin, `/api/rounds/${id}/reopen`, {
      method: 'POST',
      body: JSON.stringify({ closesAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    const { round } = (await res.json()) as { round: { reopenings: { id: string }[] } };
    return `/api/rounds/${id}/closings/${round.reopenings[0]!.id}`;
  };
  const deliberated = (s: number): Statuses => [403, s, s, s, 403, 403, 403, 401];
  const delegations = (s: number): Statuses => [403, s, s, s, 403, s, 403, 401];

  // Meetings: the admin persona creates one of the program, chaired by the coordinator persona;
  // every organization related to the program takes part (the outsider's does not).
  const meetingBody = () => ({
    title: { en: `Meeting ${unique()}`, es: `Reunión ${unique()}` },
    programIds: [programId],
    startsAt: '2099-05-01T14:00:00Z',
    endsAt: '2099-05-01T16:00:00Z',
    chairId: people.coordinator!.userId,
    agenda: [{ title: { en: 'Opening', es: 'Apertura' }, kind: 'information', plannedMinutes: 5 }],
  });
  const aMeeting = async () => {
    const res = await fetchAs(server, people.admin, '/api/meetings', {
      method: 'POST',
      body: JSON.stringify(meetingBody()),
    });
    return ((await res.json()) as { meeting: { id: string } }).meeting.id;
  };
  /** A live meeting whose rapporteur is the lead member persona. */
  const aLiveMeeting = async () => {
    const id = await aMeeting();
    await fetchAs(server, people.admin, `/api/meetings/${id}/roles`, {
      method: 'PUT',
      body: JSON.stringify({ coChairIds: [], rapporteurIds: [people.leadMember!.userId] }),
    });
    await server.app.ctx.db
      .updateTable('meetings')
      .set({ state: 'live' })
      .where('id', '=', id)
      .execute();
    return id;
  };
  const aDecision = async (meetingId: string) => {
    const res = await fetchAs(server, people.coordinator, `/api/meetings/${meetingId}/decisions`, {
      method: 'POST',
      body: JSON.stringify({ text: { en: 'Agreed', es: 'Acordado' } }),
    });
    return ((await res.json()) as { decision: { id: string } }).decision.id;
  };
  const actionItemBody = () => ({
    text: { en: 'Send the report', es: 'Enviar el informe' },
    ownerOrganizationId: people.partnerMember!.organizationId,
    dueDate: '2099-06-01',
  });
  /** An action item owned by the partner member persona's organization. */
  const anActionItem = async () => {
    const meetingId = await aLiveMeeting();
    const res = await fetchAs(
      server,
      people.coordinator,
      `/api/meetings/${meetingId}/action-items`,
      {
        method: 'POST',
        body: JSON.stringify(actionItemBody()),
      },
    );
    return ((await res.json()) as { actionItem: { id: string } }).actionItem.id;
  };
  // Recording belongs to the chair (coordinator persona) and rapporteurs (lead member persona).
  const officers = (s: number): Statuses => [403, s, s, 403, 403, 403, 403, 401];
  const aFeedPath = async () => {
    const res = await fetchAs(server, await person(), '/api/me/calendar-feed', { method: 'POST' });
    return new URL(((await res.json()) as { url: string }).url).pathname;
  };

  // Funding: a record of the partner member persona's organization on the program, received
  // by the lead member persona's organization, recorded by the admin persona, with one
  // transaction.
  const aCommitment = async () => {
    const res = await fetchAs(server, people.admin, '/api/funding/records', {
      method: 'POST',
      body: JSON.stringify({
        donorOrganizationId: people.partnerMember!.organizationId,
        programId,
        receivingOrganizationId: people.leadMember!.organizationId,
        modality: 'financial',
        descriptionEn: 'Matrix commitment',
        descriptionEs: 'Compromiso de la matriz',
        sourceUrl: null,
        sourceReference: null,
      }),
    });
    const { record } = (await res.json()) as { record: { id: string } };
    const tx = await fetchAs(
      server,
      people.admin,
      `/api/funding/records/${record.id}/transactions`,
      {
        method: 'POST',
        body: JSON.stringify({
          type: 'commitment',
          valueDate: '2024-01-01',
          amount: '100',
          currency: 'USD',
        }),
      },
    );
    const withTx = (await tx.json()) as { record: { transactions: { id: string }[] } };
    return { recordId: record.id, transactionId: withTx.record.transactions[0]!.id };
  };
  const fundingEditors = (s: number): Statuses => [s, s, 403, s, 403, 403, 403, 401];
  const receivers = (s: number): Statuses => [s, 403, s, 403, 403, 403, 403, 401];

  const table: Record<string, RouteCase> = {
    'GET /api/health': { build: () => ({ path: '/api/health' }), expect: all(200) },
    'POST /api/auth/login': {
      build: async () => {
        const p = await person();
        return { path: '/api/auth/login', body: { email: p.email, password: FACTORY_PASSWORD } };
      },
      expect: all(200),
    },
    'POST /api/auth/logout': {
      build: async (who) => ({ path: '/api/auth/logout', as: await secondSession(who) }),
      expect: all(204),
    },
    'GET /api/me': { build: () => ({ path: '/api/me' }), expect: signedIn(200) },
    'PATCH /api/me': {
      build: () => ({ path: '/api/me', body: { timeZone: 'Europe/Madrid' } }),
      expect: signedIn(200),
    },
    'GET /api/auth/sessions': {
      build: () => ({ path: '/api/auth/sessions' }),
      expect: signedIn(200),
    },
    'DELETE /api/auth/sessions/:id': {
      build: async (who) => {
        const second = await secondSession(who);
        return { path: `/api/auth/sessions/${second?.sessionId ?? 'nosession'}` };
      },
      expect: signedIn(204),
    },
    'POST /api/auth/password': {
      build: async (who) => ({
        path: '/api/auth/password',
        body: { currentPassword: FACTORY_PASSWORD, newPassword: 'matrix lanterns over the lake' },
        as: await twin(who),
      }),
      expect: signedIn(204),
    },
    'GET /api/setup/:token': { build: () => ({ path: '/api/setup/sometoken' }), expect: all(404) },
    'POST /api/setup/:token': {
      build: () => ({
        path: '/api/setup/sometoken',
        body: { email: `s-${unique()}@example.org`, name: 'S', password: 'lanterns over the lake' },
      }),
      expect: all(404),
    },
    'GET /api/users': { build: () => ({ path: '/api/users' }), expect: admins(200) },
    'GET /api/admin/metrics': {
      build: () => ({ path: '/api/admin/metrics' }),
      expect: admins(200),
    },
    'PATCH /api/users/:id': {
      build: async () => ({
        path: `/api/users/${(await person()).userId}`,
        body: { role: 'viewer' },
      }),
      expect: admins(200),
    },
    'GET /api/programs/:id/coordinators': {
      build: () => ({ path: `/api/programs/${programId}/coordinators` }),
      expect: admins(200),
    },
    'PUT /api/programs/:id/coordinators/:userId': {
      build: async () => ({
        path: `/api/programs/${programId}/coordinators/${(await person()).userId}`,
      }),
      expect: admins(204),
    },
    'DELETE /api/programs/:id/coordinators/:userId': {
      build: async () => ({
        path: `/api/programs/${programId}/coordinators/${(await person()).userId}`,
      }),
      expect: admins(204),
    },
    'GET /api/programs/:id/organizations': {
      build: () => ({ path: `/api/programs/${programId}/organizations` }),
      expect: admins(200),
    },
    'PUT /api/programs/:id/organizations/:organizationId': {
      build: async () => ({
        path: `/api/programs/${programId}/organizations/${await organization()}`,
        body: { relation: 'observer' },
      }),
      expect: admins(204),
    },
    'DELETE /api/programs/:id/organizations/:organizationId': {
      build: async () => ({
        path: `/api/programs/${programId}/organizations/${await organization()}`,
      }),
      expect: admins(204),
    },
    'POST /api/invitations': {
      build: () => ({
        path: '/api/invitations',
        body: {
          email: `inv-${unique()}@example.org`,
          role: 'member',
          organizationId: people.partnerMember!.organizationId,
        },
      }),
      expect: coordinators(201),
    },
    'GET /api/invitations': {
      build: () => ({ path: '/api/invitations' }),
      expect: coordinators(200),
    },
    'GET /api/invitations/options': {
      build: () => ({ path: '/api/invitations/options' }),
      expect: coordinators(200),
    },
    'DELETE /api/invitations/:id': {
      build: async (who) => {
        const by = who === 'admin' ? people.admin! : people.coordinator!;
        return { path: `/api/invitations/${(await invitation(by)).id}` };
      },
      expect: coordinators(204),
    },
    'GET /api/invitations/:token': {
      build: async () => ({ path: `/api/invitations/${(await invitation(people.admin!)).token}` }),
      expect: all(200),
    },
    'POST /api/invitations/:token/accept': {
      build: async () => ({
        path: `/api/invitations/${(await invitation(people.admin!)).token}/accept`,
        body: { name: 'Invited', password: 'lanterns over the lake' },
      }),
      expect: all(201),
    },
    'GET /api/docs/openapi.json': {
      build: () => ({ path: '/api/docs/openapi.json' }),
      expect: admins(200),
    },
    'GET /api/funding/dashboard': {
      build: () => ({ path: '/api/funding/dashboard?priority=true' }),
      expect: signedIn(200),
    },
    'GET /api/funding/dashboard.csv': {
      build: () => ({ path: '/api/funding/dashboard.csv?lang=es' }),
      expect: signedIn(200),
    },
    'GET /api/programs/:id/funding': {
      build: () => ({ path: `/api/programs/${programId}/funding` }),
      expect: signedIn(200),
    },
    'GET /api/funding/scorecard': {
      build: () => ({ path: '/api/funding/scorecard?sort=share&direction=desc' }),
      expect: signedIn(200),
    },
    'GET /api/funding/scorecard.csv': {
      build: () => ({ path: '/api/funding/scorecard.csv' }),
      expect: signedIn(200),
    },
    'GET /api/components': { build: () => ({ path: '/api/components' }), expect: signedIn(200) },
    'GET /api/programs': { build: () => ({ path: '/api/programs' }), expect: signedIn(200) },
    'POST /api/programs': {
      build: () => ({ path: '/api/programs', body: newProgram() }),
      expect: admins(201),
    },
    'GET /api/programs/:id': {
      build: () => ({ path: `/api/programs/${programId}` }),
      expect: readers(200),
    },
    'PATCH /api/programs/:id': {
      build: () => ({ path: `/api/programs/${programId}`, body: { titleEs: 'Título editado' } }),
      expect: coordinators(200),
    },
    'GET /api/programs/:id/plan/versions': {
      build: () => ({ path: `/api/programs/${programId}/plan/versions` }),
      expect: readers(200),
    },
    'POST /api/programs/:id/plan/versions': {
      build: () => ({
        path: `/api/programs/${programId}/plan/versions`,
        body: { name: 'Draft sent to donors' },
      }),
      expect: writers(201),
    },
    'GET /api/programs/:id/plan/versions/:versionId': {
      build: async () => ({ path: `/api/programs/${programId}/plan/versions/${await aVersion()}` }),
      expect: readers(200),
    },
    'GET /api/programs/:id/plan/versions/:versionId/compare': {
      build: async () => ({
        path: `/api/programs/${programId}/plan/versions/${await aVersion()}/compare`,
      }),
      expect: readers(200),
    },
    'POST /api/programs/:id/plan/versions/:versionId/restore': {
      build: async () => ({
        path: `/api/programs/${programId}/plan/versions/${await aVersion()}/restore`,
      }),
      expect: writers(204),
    },
    'GET /api/programs/:id/plan.md': {
      build: () => ({ path: `/api/programs/${programId}/plan.md` }),
      expect: readers(200),
    },
    'GET /api/organizations': {
      build: () => ({ path: '/api/organizations' }),
      expect: signedIn(200),
    },
    'POST /api/organizations': {
      build: () => ({
        path: '/api/organizations',
        body: {
          name: { en: `Org ${unique()}`, es: `Org ${unique()} (es)` },
          shortName: { en: 'ORG', es: 'ORG' },
          kind: 'multilateral',
        },
      }),
      expect: admins(201),
    },
    'GET /api/notifications': {
      build: () => ({ path: '/api/notifications?limit=5' }),
      expect: signedIn(200),
    },
    'GET /api/notifications/unread-count': {
      build: () => ({ path: '/api/notifications/unread-count' }),
      expect: signedIn(200),
    },
    'POST /api/notifications/read': {
      build: () => ({ path: '/api/notifications/read', body: { ids: ['nosuchnotification'] } }),
      expect: signedIn(200),
    },
    'POST /api/notifications/read-all': {
      build: () => ({ path: '/api/notifications/read-all' }),
      expect: signedIn(200),
    },
    'GET /api/me/notification-preferences': {
      build: () => ({ path: '/api/me/notification-preferences' }),
      expect: signedIn(200),
    },
    'PUT /api/me/notification-preferences': {
      build: () => ({ path: '/api/me/notification-preferences', body: { resolved: true } }),
      expect: signedIn(200),
    },
    'GET /api/rounds': { build: () => ({ path: '/api/rounds' }), expect: signedIn(200) },
    'POST /api/rounds': {
      build: () => ({
        path: '/api/rounds',
        body: {
          title: { en: 'Priorities 2027', es: 'Prioridades 2027' },
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      }),
      expect: admins(201),
    },
    'GET /api/rounds/:id': {
      build: async () => ({ path: `/api/rounds/${await aRound()}` }),
      expect: signedIn(200),
    },
    // The admin persona opened the round: its owner closes it; nobody else.
    'POST /api/rounds/:id/close': {
      build: async () => ({ path: `/api/rounds/${await aRound()}/close` }),
      expect: admins(200),
    },
    'POST /api/rounds/:id/reopen': {
      build: async () => ({
        path: `/api/rounds/${await aClosedRound()}/reopen`,
        body: { closesAt: new Date(Date.now() + 86_400_000).toISOString() },
      }),
      expect: admins(200),
    },
    // A delegation's people (viewers included) read its ballot; the admin persona's organization,
    // observers and outsiders are no delegation.
    'GET /api/rounds/:id/ballot': {
      build: async () => ({ path: `/api/rounds/${await aRound()}/ballot` }),
      expect: delegations(200),
    },
    'GET /api/rounds/:id/ballot/revisions': {
      build: async () => ({ path: `/api/rounds/${await aRound()}/ballot/revisions` }),
      expect: delegations(200),
    },
    'PUT /api/rounds/:id/ballot': {
      build: async () => ({
        path: `/api/rounds/${await aRound()}/ballot`,
        body: { entries: [{ programId }], revision: 0 },
      }),
      expect: deliberated(200),
    },
    'GET /api/rounds/:id/ballots': {
      build: async () => ({ path: `/api/rounds/${await aRound('while_open')}/ballots` }),
      expect: signedIn(200),
    },
    'GET /api/rounds/:id/board': {
      build: async () => ({ path: `/api/rounds/${await aRound('while_open')}/board` }),
      expect: signedIn(200),
    },
    'GET /api/rounds/:id/board.csv': {
      build: async () => ({ path: `/api/rounds/${await aClosedRound()}/board.csv` }),
      expect: signedIn(200),
    },
    // An earlier closing's board was published to everyone once the round closed.
    'GET /api/rounds/:id/closings/:reopeningId/board': {
      build: async () => ({ path: `${await aClosing()}/board` }),
      expect: signedIn(200),
    },
    'GET /api/rounds/:id/closings/:reopeningId/board.csv': {
      build: async () => ({ path: `${await aClosing()}/board.csv` }),
      expect: signedIn(200),
    },
    'GET /api/rounds/:id/ballots.csv': {
      build: async () => ({ path: `/api/rounds/${await aRound('while_open')}/ballots.csv` }),
      expect: signedIn(200),
    },
    'GET /api/meetings': { build: () => ({ path: '/api/meetings' }), expect: signedIn(200) },
    'POST /api/meetings': {
      build: () => ({ path: '/api/meetings', body: meetingBody() }),
      expect: coordinators(201),
    },
    'GET /api/meetings/options': {
      build: () => ({ path: `/api/meetings/options?programIds=${programId}` }),
      expect: coordinators(200),
    },
    'GET /api/meetings/:id': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}` }),
      expect: readers(200),
    },
    'PATCH /api/meetings/:id': {
      build: async () => ({
        path: `/api/meetings/${await aMeeting()}`,
        body: { location: 'Here' },
      }),
      expect: coordinators(200),
    },
    'POST /api/meetings/:id/cancel': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}/cancel` }),
      expect: coordinators(200),
    },
    'PUT /api/meetings/:id/agenda': {
      build: async () => ({
        path: `/api/meetings/${await aMeeting()}/agenda`,
        body: { revision: 0, items: [] },
      }),
      expect: coordinators(200),
    },
    'PUT /api/meetings/:id/roles': {
      build: async () => ({
        path: `/api/meetings/${await aMeeting()}/roles`,
        body: { coChairIds: [], rapporteurIds: [] },
      }),
      expect: coordinators(200),
    },
    'PUT /api/meetings/:id/organizations': {
      build: async () => ({
        path: `/api/meetings/${await aMeeting()}/organizations`,
        body: { organizationIds: [] },
      }),
      expect: coordinators(200),
    },
    'GET /api/meetings/:id/people': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}/people` }),
      expect: readers(200),
    },
    'GET /api/meetings/:id/records': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}/records` }),
      expect: readers(200),
    },
    'GET /api/meetings/:id/review': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}/review` }),
      expect: readers(200),
    },
    'GET /api/meetings/:id/meeting.ics': {
      build: async () => ({ path: `/api/meetings/${await aMeeting()}/meeting.ics` }),
      expect: readers(200),
    },
    'POST /api/meetings/:id/decisions': {
      build: async () => ({
        path: `/api/meetings/${await aLiveMeeting()}/decisions`,
        body: { text: { en: 'Agreed', es: '' } },
      }),
      expect: officers(201),
    },
    'PATCH /api/meetings/:id/decisions/:decisionId': {
      build: async () => {
        const id = await aLiveMeeting();
        return {
          path: `/api/meetings/${id}/decisions/${await aDecision(id)}`,
          body: { text: { en: 'Agreed, amended', es: '' } },
        };
      },
      expect: officers(200),
    },
    'DELETE /api/meetings/:id/decisions/:decisionId': {
      build: async () => {
        const id = await aLiveMeeting();
        return { path: `/api/meetings/${id}/decisions/${await aDecision(id)}` };
      },
      expect: officers(204),
    },
    'POST /api/meetings/:id/action-items': {
      build: async () => ({
        path: `/api/meetings/${await aLiveMeeting()}/action-items`,
        body: actionItemBody(),
      }),
      expect: officers(201),
    },
    // Admins edit an action item too; its status: its owner organization, the chair, admins.
    'PATCH /api/action-items/:id': {
      build: async () => ({
        path: `/api/action-items/${await anActionItem()}`,
        body: actionItemBody(),
      }),
      expect: [200, 200, 200, 403, 403, 403, 403, 401],
    },
    'PUT /api/action-items/:id/status': {
      build: async () => ({
        path: `/api/action-items/${await anActionItem()}/status`,
        body: { status: 'in_progress' },
      }),
      expect: [200, 200, 403, 200, 403, 403, 403, 401],
    },
    'GET /api/programs/:id/meeting-records': {
      build: () => ({ path: `/api/programs/${programId}/meeting-records` }),
      expect: readers(200),
    },
    // The feed is for calendar apps: no session; the token is the credential.
    'GET /api/calendar/:file': {
      build: async () => ({ path: await aFeedPath() }),
      expect: all(200),
    },
    'GET /api/me/calendar-feed': {
      build: () => ({ path: '/api/me/calendar-feed' }),
      expect: signedIn(200),
    },
    'POST /api/me/calendar-feed': {
      build: () => ({ path: '/api/me/calendar-feed' }),
      expect: signedIn(201),
    },
    'DELETE /api/me/calendar-feed': {
      build: () => ({ path: '/api/me/calendar-feed' }),
      expect: signedIn(204),
    },
    'PATCH /api/organizations/:id': {
      build: async () => ({
        path: `/api/organizations/${await organization()}`,
        body: { shortName: { en: 'Renamed', es: 'Renombrada' } },
      }),
      expect: admins(200),
    },
    // IATI: exports need the publisher's identifier (not set here: 409 for everyone signed in);
    // an upload as JSON is refused as the wrong media type once the guard let it through.
    'GET /api/funding/iati/activities.xml': {
      build: () => ({ path: '/api/funding/iati/activities.xml' }),
      expect: signedIn(409),
    },
    'GET /api/funding/iati/activities.csv': {
      build: () => ({ path: '/api/funding/iati/activities.csv' }),
      expect: signedIn(409),
    },
    'POST /api/funding/iati/imports': {
      build: () => ({ path: '/api/funding/iati/imports', body: {} }),
      expect: [415, 415, 415, 415, 415, 403, 415, 401],
    },
    'GET /api/funding/iati/imports/:id': {
      build: () => ({ path: '/api/funding/iati/imports/no-such-import' }),
      expect: [404, 404, 404, 404, 404, 403, 404, 401],
    },
    'POST /api/funding/iati/imports/:id/confirm': {
      build: () => ({
        path: '/api/funding/iati/imports/no-such-import/confirm',
        body: { activities: [] },
      }),
      expect: [404, 404, 404, 404, 404, 403, 404, 401],
    },
    'DELETE /api/funding/iati/imports/:id': {
      build: () => ({ path: '/api/funding/iati/imports/no-such-import' }),
      expect: [404, 404, 404, 404, 404, 403, 404, 401],
    },
    'GET /api/threads': {
      build: () => ({ path: `/api/threads?kind=program&programId=${programId}` }),
      expect: readers(200),
    },
    'GET /api/threads/anchors': {
      build: () => ({
        path: `/api/threads/anchors?kind=document&documentName=plan:${programId}`,
      }),
      expect: readers(200),
    },
    'GET /api/threads/mentionable': {
      build: () => ({ path: `/api/threads/mentionable?kind=program&programId=${programId}&q=pe` }),
      expect: commenters(200),
    },
    'POST /api/threads': {
      build: () => ({
        path: '/api/threads',
        body: { subject: { kind: 'program', programId }, body: 'What comes first?' },
      }),
      expect: commenters(201),
      bodyNamesResource: true,
    },
    'GET /api/threads/:id': {
      build: async () => ({ path: `/api/threads/${await aThread('shared')}` }),
      expect: readers(200),
    },
    'POST /api/threads/:id/comments': {
      build: async () => ({
        path: `/api/threads/${await aThread('shared')}/comments`,
        body: { body: 'A reply' },
      }),
      expect: commenters(201),
    },
    'POST /api/threads/:id/resolve': {
      build: async () => ({ path: `/api/threads/${await aThread('to resolve')}/resolve` }),
      expect: coordinators(200),
    },
    'POST /api/threads/:id/reopen': {
      build: async () => ({
        path: `/api/threads/${await aThread('to reopen', 'resolved')}/reopen`,
      }),
      expect: coordinators(200),
    },
    'PATCH /api/comments/:id': {
      build: async (who) => ({
        path: `/api/comments/${await aComment(who)}`,
        body: { body: 'Edited' },
      }),
      expect: commenters(200),
    },
    'DELETE /api/comments/:id': {
      build: async (who) => ({ path: `/api/comments/${await aComment(who)}` }),
      expect: commenters(200),
    },
    // Minutes and the published record (meetings: chair = coordinator, rapporteur = leadMember,
    // every persona's organization but the outsider's participating).
    'POST /api/meetings/:id/publish': {
      build: async () => ({ path: `/api/meetings/${await aMeetingIn('ended')}/publish` }),
      expect: [200, 200, 403, 403, 403, 403, 403, 401],
    },
    'GET /api/meetings/:id/record': {
      build: async () => ({ path: `/api/meetings/${await aPublishedMeeting()}/record` }),
      expect: readers(200),
    },
    'GET /api/meetings/:id/record.md': {
      build: async () => ({ path: `/api/meetings/${await aPublishedMeeting()}/record.md` }),
      expect: readers(200),
    },
    'POST /api/meetings/:id/addenda': {
      build: async () => ({
        path: `/api/meetings/${await aPublishedMeeting()}/addenda`,
        body: { body: 'A correction' },
      }),
      expect: [201, 201, 201, 403, 403, 403, 403, 401],
    },
    // Funding records (docs/funding.md).
    'GET /api/funding/currencies': {
      build: () => ({ path: '/api/funding/currencies' }),
      expect: signedIn(200),
    },
    'POST /api/funding/records': {
      build: (who) => ({
        path: '/api/funding/records',
        body: {
          donorOrganizationId: people[who]?.organizationId ?? people.admin!.organizationId,
          programId,
          receivingOrganizationId: null,
          modality: 'financial',
          descriptionEn: 'Own commitment',
          descriptionEs: 'Compromiso propio',
          sourceUrl: null,
          sourceReference: null,
        },
      }),
      expect: [201, 201, 201, 201, 403, 403, 403, 401],
      bodyNamesResource: true,
    },
    'GET /api/funding/records': {
      build: () => ({ path: '/api/funding/records?strategyWide=true' }),
      expect: signedIn(200),
    },
    'GET /api/funding/records/:id': {
      build: async () => ({ path: `/api/funding/records/${(await aCommitment()).recordId}` }),
      expect: readers(200),
    },
    'PATCH /api/funding/records/:id': {
      build: async () => ({
        path: `/api/funding/records/${(await aCommitment()).recordId}`,
        body: { descriptionEn: 'Edited', revision: 1 },
      }),
      expect: fundingEditors(200),
    },
    'DELETE /api/funding/records/:id': {
      build: async () => ({ path: `/api/funding/records/${(await aCommitment()).recordId}` }),
      expect: fundingEditors(204),
    },
    'GET /api/funding/records/:id/history': {
      build: async () => ({
        path: `/api/funding/records/${(await aCommitment()).recordId}/history`,
      }),
      expect: readers(200),
    },
    'POST /api/funding/records/:id/transactions': {
      build: async () => ({
        path: `/api/funding/records/${(await aCommitment()).recordId}/transactions`,
        body: { type: 'disbursement', valueDate: '2024-02-01', amount: '50', currency: 'USD' },
      }),
      expect: fundingEditors(201),
    },
    'PATCH /api/funding/records/:id/transactions/:transactionId': {
      build: async () => {
        const c = await aCommitment();
        return {
          path: `/api/funding/records/${c.recordId}/transactions/${c.transactionId}`,
          body: { note: 'Edited', revision: 1 },
        };
      },
      expect: fundingEditors(200),
    },
    'DELETE /api/funding/records/:id/transactions/:transactionId': {
      build: async () => {
        const c = await aCommitment();
        return { path: `/api/funding/records/${c.recordId}/transactions/${c.transactionId}` };
      },
      expect: fundingEditors(200),
    },
    'POST /api/funding/records/:id/transactions/:transactionId/confirm': {
      build: async () => {
        const c = await aCommitment();
        return {
          path: `/api/funding/records/${c.recordId}/transactions/${c.transactionId}/confirm`,
        };
      },
      expect: receivers(200),
    },
    'DELETE /api/funding/records/:id/transactions/:transactionId/confirm': {
      build: async () => {
        const c = await aCommitment();
        return {
          path: `/api/funding/records/${c.recordId}/transactions/${c.transactionId}/confirm`,
        };
      },
      expect: receivers(200),
    },
    'GET /api/funding/rates': {
      build: () => ({ path: '/api/funding/rates?currency=EUR' }),
      expect: signedIn(200),
    },
    'PUT /api/funding/rates': {
      build: () => ({
        path: '/api/funding/rates',
        body: { currency: 'EUR', date: '2020-01-01', rate: '0.9', source: 'Matrix' },
      }),
      expect: admins(200),
    },
    'DELETE /api/funding/rates/:id': {
      build: async () => {
        const res = await fetchAs(server, people.admin, '/api/funding/rates', {
          method: 'PUT',
          body: JSON.stringify({
            currency: 'GBP',
            date: `20${String(10 + (n % 80)).padStart(2, '0')}-0${1 + (n % 9)}-01`,
            rate: '0.7',
            source: `Matrix ${unique()}`,
          }),
        });
        const { rate } = (await res.json()) as { rate: { id: string } };
        return { path: `/api/funding/rates/${rate.id}` };
      },
      expect: admins(200),
    },
    'POST /api/funding/rates/import': {
      build: () => ({
        path: '/api/funding/rates/import',
        body: 'currency,date,rate,source\nJPY,2020-01-01,110,Matrix\n',
      }),
      expect: admins(200),
    },
    'GET /api/programs/:id/funding/records': {
      build: () => ({ path: `/api/programs/${programId}/funding/records` }),
      expect: readers(200),
    },
  };

  beforeAll(async () => {
    server = await startServer();
    programId = await aProgramId(server);
    for (const who of personas) {
      people[who] =
        who === 'signedOut' ? null : await createPersonOn(server, { ...standing[who], programId });
    }
  });
  afterAll(async () => server?.close());

  const send = (method: string, cell: Cell, who: Persona, body: unknown) =>
    fetchAs(server, cell.as === undefined ? people[who] : cell.as, cell.path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('has a case for every route the server registered, and none for routes it did not', () => {
    const registered = server.app.apiRoutes.map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((r) => !(r in table))).toEqual([]);
    expect(Object.keys(table).filter((k) => !registered.includes(k))).toEqual([]);
  });

  it('has every route declare its access through a guard', () => {
    const undeclared = server.app.apiRoutes.filter((r) => r.access === undefined);
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('answers every route with the expected status for every person, each one listed in docs/api.md', async () => {
    const got: Record<string, Record<Persona, number>> = {};
    const want: Record<string, Record<Persona, number>> = {};
    for (const [key, route] of Object.entries(table)) {
      const method = key.split(' ')[0]!;
      got[key] = {} as Record<Persona, number>;
      want[key] = {} as Record<Persona, number>;
      for (const [i, who] of personas.entries()) {
        const cell = await route.build(who);
        const expected = route.expect[i]!;
        want[key][who] = expected;
        got[key][who] = (await send(method, cell, who, cell.body)).status;
        // Refusals do not depend on the body: junk gets the same 401/403 (unless the body
        // names what is acted on).
        const junkRefused = expected === 401 || (expected === 403 && !route.bodyNamesResource);
        if (cell.body !== undefined && junkRefused) {
          const junk = await send(method, cell, who, { junk: '<script>', __proto__x: 1 });
          if (junk.status !== expected) got[key][who] = junk.status;
        }
      }
    }
    expect(got).toEqual(want);
    // What the routes really answered is what docs/api.md (made from the schemas) says.
    const documented = documentedStatuses();
    const undocumented = Object.entries(got).flatMap(([key, byPerson]) =>
      [...new Set(Object.values(byPerson))]
        .filter((status) => !documented.get(key)?.includes(String(status)))
        .map((status) => `${key} answered ${status}`),
    );
    expect(undocumented).toEqual([]);
  });

  // The round table's rule: while results are hidden each delegation sees its own ballot and
  // which delegations have voted, never how — nobody, admins included (roundAbilities'
  // viewResults is false for every role until the round closes).
  it('refuses the board, the ballots and both CSVs of an open round with hidden results to every person', async () => {
    const roundId = await aRound('after_close');
    const voted = await fetchAs(server, people.leadMember, `/api/rounds/${roundId}/ballot`, {
      method: 'PUT',
      body: JSON.stringify({ entries: [{ programId, rationale: 'Secret' }], revision: 0 }),
    });
    expect(voted.status).toBe(200);
    const got: Record<string, Record<Persona, number>> = {};
    for (const path of ['board', 'ballots', 'board.csv', 'ballots.csv']) {
      got[path] = {} as Record<Persona, number>;
      for (const who of personas) {
        const res = await fetchAs(server, people[who], `/api/rounds/${roundId}/${path}`);
        got[path][who] = res.status;
        expect(await res.text()).not.toContain('Secret');
      }
    }
    const hidden = Object.fromEntries(personas.map((p) => [p, p === 'signedOut' ? 401 : 403]));
    expect(got).toEqual({
      board: hidden,
      ballots: hidden,
      'board.csv': hidden,
      'ballots.csv': hidden,
    });
  });

  it("answers each delegation's own ballot of a hidden round to its members only", async () => {
    const roundId = await aRound('after_close');
    await fetchAs(server, people.leadMember, `/api/rounds/${roundId}/ballot`, {
      method: 'PUT',
      body: JSON.stringify({ entries: [{ programId, rationale: 'Secret' }], revision: 0 }),
    });
    const got = {} as Record<Persona, string | number>;
    for (const who of personas) {
      const res = await fetchAs(server, people[who], `/api/rounds/${roundId}/ballot`);
      const body = (await res.json()) as { ballot?: { organizationId: string; revision: number } };
      // Whose ballot came back, and at which revision: only the lead's members read the saved one.
      got[who] = body.ballot
        ? `${body.ballot.organizationId === people[who]!.organizationId ? 'own' : 'other'}@${body.ballot.revision}`
        : res.status;
    }
    expect(got).toEqual({
      admin: 403,
      coordinator: 'own@0',
      leadMember: 'own@1',
      partnerMember: 'own@0',
      observerMember: 403,
      viewer: 'own@0',
      outsider: 403,
      signedOut: 401,
    });
  });

  it('lets every signed-in person follow a round live (round.subscribe / round.unsubscribe), hearing that a delegation voted, never how', async () => {
    const roundId = await aRound('after_close');
    const acks: Record<string, unknown> = {};
    const heard: Record<string, unknown[]> = {};
    const sockets: ClientSocket[] = [];
    try {
      for (const who of personas) {
        const p = people[who];
        if (!p) {
          // Signed out: the handshake itself is refused, so no command is ever handled.
          const anonymous = socketAs(server, null);
          await expect(connected(anonymous)).rejects.toThrow();
          anonymous.disconnect();
          continue;
        }
        const socket = await connectAs(server, p);
        sockets.push(socket);
        acks[who] = await socket.emitWithAck('round.subscribe', { roundId });
        heard[who] = record(socket, 'ballot.changed');
      }
      await fetchAs(server, people.leadMember, `/api/rounds/${roundId}/ballot`, {
        method: 'PUT',
        body: JSON.stringify({ entries: [{ programId, rationale: 'Secret' }], revision: 0 }),
      });
      const event = { roundId, organizationId: people.leadMember!.organizationId };
      const signedInPersonas = personas.filter((p) => p !== 'signedOut');
      await waitFor(() =>
        expect(heard).toEqual(Object.fromEntries(signedInPersonas.map((p) => [p, [event]]))),
      );
      expect(acks).toEqual(
        Object.fromEntries(signedInPersonas.map((p) => [p, { ok: true, data: { roundId } }])),
      );
      const left = await Promise.all(
        sockets.map((s) => s.emitWithAck('round.unsubscribe', { roundId })),
      );
      expect(left).toEqual(sockets.map(() => ({ ok: true, data: { roundId } })));
    } finally {
      for (const s of sockets) s.disconnect();
    }
  });

  it('has every route declare its success reply in its schema (docs/api.md states it from there)', () => {
    const doc = server.app.swagger() as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const undeclared = server.app.apiRoutes.filter((r) => {
      const op = doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method.toLowerCase()];
      const success = Object.entries(op?.responses ?? {}).filter(([code]) => code.startsWith('2'));
      // Swagger invents "200 Default Response" (no content) for a route that declares none.
      return success.length === 0 || success.some(([code, r]) => code === '200' && !r.content);
    });
    expect(undeclared.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('documents every route in docs/api.md', () => {
    const doc = readFileSync(new URL('../../docs/api.md', import.meta.url), 'utf8');
    const missing = server.app.apiRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !doc.includes(`\`${r}\``));
    expect(missing).toEqual([]);
  });
});

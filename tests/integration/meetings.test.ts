import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import {
  ActionItemReplySchema,
  AgendaConflictSchema,
  CalendarFeedCreatedSchema,
  CalendarFeedStatusSchema,
  DecisionReplySchema,
  MeetingListSchema,
  MeetingOptionsSchema,
  MeetingParticipantSchema,
  MeetingRecordsSchema,
  MeetingReviewSchema,
  MeetingReplySchema,
  ProgramMeetingRecordsSchema,
  NotificationPageSchema,
  listOf,
  notificationLink,
  type Meeting,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

/** The VEVENTs of an iCalendar text, parsed by ical.js. */
function events(ics: string) {
  const calendar = ICAL.Component.fromString(ics);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      summary: event.summary,
      start: event.startDate,
      end: event.endDate,
      status: vevent.getFirstPropertyValue('status'),
    };
  });
}

describe.each(dialects)('meetings on %s', (dialect) => {
  let server: TestServer;
  let p0: string;
  let p1: string;
  let admin: TestPerson;
  let coordinator: TestPerson;
  let coordinatorColleague: TestPerson;
  let partner: TestPerson;
  let partnerViewer: TestPerson;
  let outsider: TestPerson;
  let secretariat: TestPerson;
  let secretariatOrgId: string;
  const send = (who: TestPerson | null, path: string, method = 'GET', body?: unknown) =>
    fetchAs(server, who, path, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const base = () => ({
    title: { en: 'Coordination meeting', es: 'Reunión de coordinación' },
    programIds: [p0],
    startsAt: '2099-03-10T14:00:00-05:00',
    endsAt: '2099-03-10T16:00:00-05:00',
    chairId: coordinator.userId,
    agenda: [
      { title: { en: 'Opening', es: 'Apertura' }, kind: 'information', plannedMinutes: 10 },
      { title: { en: 'Budget', es: 'Presupuesto' }, kind: 'decision', plannedMinutes: 30 },
    ],
  });
  const create = async (who: TestPerson, body: Record<string, unknown> = {}) => {
    const res = await send(who, '/api/meetings', 'POST', { ...base(), ...body });
    expect(res.status, await res.clone().text()).toBe(201);
    return MeetingReplySchema.parse(await res.json()).meeting;
  };
  const setState = (id: string, state: string) =>
    server.app.ctx.db.updateTable('meetings').set({ state }).where('id', '=', id).execute();

  beforeAll(async () => {
    server = await startServer({ dialect });
    const rows = await server.app.ctx.db
      .selectFrom('programs')
      .select('id')
      .orderBy('code')
      .execute();
    p0 = rows[0]!.id;
    p1 = rows[1]!.id;
    admin = await createPersonOn(server, { role: 'admin' });
    coordinator = await createPersonOn(server, {
      relation: 'lead',
      programId: p0,
      coordinator: true,
      locale: 'es',
    });
    coordinatorColleague = await createPersonOn(server, {
      organizationId: coordinator.organizationId,
    });
    partner = await createPersonOn(server, { relation: 'partner', programId: p0 });
    partnerViewer = await createPersonOn(server, {
      role: 'viewer',
      organizationId: partner.organizationId,
    });
    outsider = await createPersonOn(server, { relation: 'lead', programId: p1 });
    const sica = await server.app.ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('kind', '=', 'sica_secretariat')
      .executeTakeFirstOrThrow();
    secretariatOrgId = sica.id;
    secretariat = await createPersonOn(server, { organizationId: secretariatOrgId });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('creates a meeting of a program: UTC times, its organizations and the Secretariat, the chair’s language, the agenda in order', async () => {
    const meeting = await create(coordinator);
    expect(meeting).toMatchObject({
      startsAt: '2099-03-10T19:00:00.000Z',
      endsAt: '2099-03-10T21:00:00.000Z',
      state: 'scheduled',
      icsSequence: 0,
      agendaRevision: 0,
      minutesLocale: 'es',
      chair: { id: coordinator.userId },
      programIds: [p0],
    });
    expect(meeting.agenda.map((i) => [i.position, i.title.en])).toEqual([
      [0, 'Opening'],
      [1, 'Budget'],
    ]);
    const orgs = meeting.organizations.map((o) => o.id);
    expect(orgs).toEqual(
      expect.arrayContaining([
        coordinator.organizationId,
        partner.organizationId,
        secretariatOrgId,
      ]),
    );
    expect(orgs).not.toContain(outsider.organizationId);
    expect(meeting.abilities).toMatchObject({ read: true, edit: true, cancel: true });
  });

  it('hides a meeting from a person whose organization does not take part: 403 on every route, absent from the list', async () => {
    const meeting = await create(coordinator);
    const paths: [string, string, unknown?][] = [
      ['GET', `/api/meetings/${meeting.id}`],
      ['GET', `/api/meetings/${meeting.id}/records`],
      ['GET', `/api/meetings/${meeting.id}/people`],
      ['GET', `/api/meetings/${meeting.id}/review`],
      ['GET', `/api/meetings/${meeting.id}/meeting.ics`],
      ['PATCH', `/api/meetings/${meeting.id}`, { location: 'Here' }],
      ['POST', `/api/meetings/${meeting.id}/cancel`],
      ['PUT', `/api/meetings/${meeting.id}/agenda`, { revision: 0, items: [] }],
      ['PUT', `/api/meetings/${meeting.id}/roles`, { coChairIds: [], rapporteurIds: [] }],
      ['PUT', `/api/meetings/${meeting.id}/organizations`, { organizationIds: [] }],
    ];
    for (const [method, path, body] of paths)
      expect((await send(outsider, path, method, body)).status, `${method} ${path}`).toBe(403);
    const list = MeetingListSchema.parse(await (await send(outsider, '/api/meetings')).json());
    expect(list.data.map((m) => m.id)).not.toContain(meeting.id);
    for (const who of [admin, partnerViewer, secretariat]) {
      const seen = MeetingListSchema.parse(await (await send(who, '/api/meetings')).json());
      expect(seen.data.map((m) => m.id)).toContain(meeting.id);
    }
    expect((await send(partnerViewer, `/api/meetings/${meeting.id}`)).status).toBe(200);
    expect((await send(admin, '/api/meetings/nosuchmeeting00')).status).toBe(404);
  });

  it('lists by start time within a window and by program, with whether the reader may create', async () => {
    const late = await create(coordinator, {
      startsAt: '2098-01-01T10:00:00Z',
      endsAt: '2098-01-01T11:00:00Z',
    });
    const early = await create(coordinator, {
      startsAt: '2097-01-01T10:00:00Z',
      endsAt: '2097-01-01T11:00:00Z',
    });
    const res = await send(
      partner,
      `/api/meetings?from=2096-12-31T00:00:00Z&to=2098-06-01T00:00:00Z&programId=${p0}`,
    );
    const list = MeetingListSchema.parse(await res.json());
    expect(list.data.map((m) => m.id)).toEqual([early.id, late.id]);
    expect(list.canCreate).toBe(false);
    const mine = MeetingListSchema.parse(await (await send(coordinator, '/api/meetings')).json());
    expect(mine.canCreate).toBe(true);
  });

  it('applies the chair rules: plenaries are the admins’, the chair coordinates one of its programs, the chair’s organization takes part', async () => {
    expect(
      (await send(coordinator, '/api/meetings', 'POST', { ...base(), programIds: [] })).status,
    ).toBe(403);
    expect((await send(partner, '/api/meetings', 'POST', base())).status).toBe(403);
    expect(
      (await send(coordinator, '/api/meetings', 'POST', { ...base(), programIds: [p0, p1] }))
        .status,
    ).toBe(403);
    const badChair = await send(coordinator, '/api/meetings', 'POST', {
      ...base(),
      chairId: partner.userId,
    });
    expect(badChair.status).toBe(400);
    const noChairOrg = await send(coordinator, '/api/meetings', 'POST', {
      ...base(),
      organizationIds: [partner.organizationId],
    });
    expect(noChairOrg.status).toBe(400);
    // A plenary: an admin names a member as chair; every organization takes part.
    const plenary = await create(admin, { programIds: [], chairId: partner.userId, agenda: [] });
    expect(plenary.organizations.map((o) => o.id)).toEqual(
      expect.arrayContaining([outsider.organizationId, coordinator.organizationId]),
    );
    const viewerChair = await send(admin, '/api/meetings', 'POST', {
      ...base(),
      programIds: [],
      chairId: partnerViewer.userId,
    });
    expect(viewerChair.status).toBe(400);
    // Editing checks the chair again.
    const meeting = await create(coordinator);
    const patch = await send(coordinator, `/api/meetings/${meeting.id}`, 'PATCH', {
      chairId: partner.userId,
    });
    expect(patch.status).toBe(400);
  });

  it('offers the form its chairs, default organizations and open action items', async () => {
    const res = await send(coordinator, `/api/meetings/options?programIds=${p0}`);
    expect(res.status).toBe(200);
    const options = MeetingOptionsSchema.parse(await res.json());
    const chairs = options.chairs.map((c) => c.id);
    expect(chairs).toContain(coordinator.userId);
    expect(chairs).toContain(admin.userId);
    expect(chairs).not.toContain(partner.userId);
    expect(options.organizations.map((o) => o.id)).toContain(secretariatOrgId);
    expect((await send(partner, `/api/meetings/options?programIds=${p0}`)).status).toBe(403);
    const plenary = MeetingOptionsSchema.parse(
      await (await send(admin, '/api/meetings/options')).json(),
    );
    expect(plenary.chairs.map((c) => c.id)).toContain(partner.userId);
    expect(plenary.chairs.map((c) => c.id)).not.toContain(partnerViewer.userId);
  });

  it('saves the agenda against its revision: a stale save gets 409 and the current meeting; items keep their ids', async () => {
    const meeting = await create(coordinator);
    const [opening, budget] = meeting.agenda;
    const items = (titles: string[]) => [
      { id: budget!.id, title: budget!.title, kind: 'decision', plannedMinutes: 20 },
      { id: opening!.id, title: opening!.title, kind: 'information', plannedMinutes: 5 },
      ...titles.map((t) => ({ title: { en: t, es: t }, kind: 'discussion', plannedMinutes: 15 })),
    ];
    const path = `/api/meetings/${meeting.id}/agenda`;
    const [a, b] = await Promise.all([
      send(coordinator, path, 'PUT', { revision: 0, items: items(['A']) }),
      send(admin, path, 'PUT', { revision: 0, items: items(['B']) }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const saved = MeetingReplySchema.parse(await won.json()).meeting;
    const conflict = AgendaConflictSchema.parse(await lost.json());
    expect(conflict.error.current.agendaRevision).toBe(1);
    expect(conflict.error.current.agenda).toEqual(saved.agenda);
    expect(saved.agenda.map((i) => i.id).slice(0, 2)).toEqual([budget!.id, opening!.id]);
    expect(saved.icsSequence).toBe(1);
    // An item of another meeting, an organization not taking part: refused, nothing changes.
    const other = await create(coordinator);
    const foreign = await send(coordinator, path, 'PUT', {
      revision: 1,
      items: [
        {
          id: other.agenda[0]!.id,
          title: { en: 'X', es: 'X' },
          kind: 'information',
          plannedMinutes: 5,
        },
      ],
    });
    expect(foreign.status).toBe(400);
    const outsiderOrg = await send(coordinator, path, 'PUT', {
      revision: 1,
      items: [
        {
          title: { en: 'X', es: 'X' },
          kind: 'information',
          plannedMinutes: 5,
          presentingOrganizationId: outsider.organizationId,
        },
      ],
    });
    expect(outsiderOrg.status).toBe(400);
    const after = MeetingReplySchema.parse(
      await (await send(coordinator, `/api/meetings/${meeting.id}`)).json(),
    ).meeting;
    expect(after.agendaRevision).toBe(1);
  });

  it('names co-chairs and rapporteurs among role member participants, never viewers nor the chair as co-chair', async () => {
    const meeting = await create(coordinator);
    const path = `/api/meetings/${meeting.id}/roles`;
    const viewer = await send(coordinator, path, 'PUT', {
      coChairIds: [],
      rapporteurIds: [partnerViewer.userId],
    });
    expect(viewer.status).toBe(400);
    const stranger = await send(coordinator, path, 'PUT', {
      coChairIds: [outsider.userId],
      rapporteurIds: [],
    });
    expect(stranger.status).toBe(400);
    const chairToo = await send(coordinator, path, 'PUT', {
      coChairIds: [coordinator.userId],
      rapporteurIds: [],
    });
    expect(chairToo.status).toBe(400);
    expect((await send(partner, path, 'PUT', { coChairIds: [], rapporteurIds: [] })).status).toBe(
      403,
    );
    const ok = await send(coordinator, path, 'PUT', {
      coChairIds: [coordinatorColleague.userId],
      rapporteurIds: [partner.userId],
    });
    expect(ok.status).toBe(200);
    const saved = MeetingReplySchema.parse(await ok.json()).meeting;
    expect(saved.coChairs.map((p) => p.id)).toEqual([coordinatorColleague.userId]);
    expect(saved.rapporteurs.map((p) => p.id)).toEqual([partner.userId]);
    const people = listOf(MeetingParticipantSchema).parse(
      await (await send(partnerViewer, `/api/meetings/${meeting.id}/people`)).json(),
    );
    expect(people.data.find((p) => p.id === partnerViewer.userId)?.role).toBe('viewer');
    expect(people.data.map((p) => p.id)).not.toContain(outsider.userId);
  });

  it('records decisions and action items while live; owners update the status after publishing; history is kept', async () => {
    const meeting = await create(coordinator);
    await send(coordinator, `/api/meetings/${meeting.id}/roles`, 'PUT', {
      coChairIds: [],
      rapporteurIds: [coordinatorColleague.userId],
    });
    const decisionsPath = `/api/meetings/${meeting.id}/decisions`;
    const decisionBody = { text: { en: 'Approved', es: '' }, agendaItemId: meeting.agenda[1]!.id };
    // Not before it starts.
    expect((await send(coordinator, decisionsPath, 'POST', decisionBody)).status).toBe(409);
    await setState(meeting.id, 'live');
    expect((await send(partner, decisionsPath, 'POST', decisionBody)).status).toBe(403);
    const created = await send(coordinatorColleague, decisionsPath, 'POST', decisionBody);
    expect(created.status).toBe(201);
    const decision = DecisionReplySchema.parse(await created.json()).decision;
    expect(decision.text).toEqual({ en: 'Approved', es: '' });
    const edited = await send(coordinator, `${decisionsPath}/${decision.id}`, 'PATCH', {
      text: { en: 'Approved', es: 'Aprobado' },
    });
    expect(edited.status).toBe(200);

    const itemsPath = `/api/meetings/${meeting.id}/action-items`;
    const item = {
      text: { en: 'Send the budget', es: 'Enviar el presupuesto' },
      ownerOrganizationId: partner.organizationId,
      dueDate: '2000-01-31',
      programId: p0,
    };
    expect(
      (
        await send(coordinator, itemsPath, 'POST', {
          ...item,
          ownerOrganizationId: outsider.organizationId,
        })
      ).status,
    ).toBe(400);
    expect(
      (await send(coordinator, itemsPath, 'POST', { ...item, ownerUserId: coordinator.userId }))
        .status,
    ).toBe(400);
    const res = await send(coordinator, itemsPath, 'POST', item);
    expect(res.status).toBe(201);
    const actionItem = ActionItemReplySchema.parse(await res.json()).actionItem;
    expect(actionItem).toMatchObject({ status: 'open', overdue: true, ownerPerson: null });

    const records = MeetingRecordsSchema.parse(
      await (await send(partnerViewer, `/api/meetings/${meeting.id}/records`)).json(),
    );
    expect(records.decisions.map((d) => d.text.es)).toEqual(['Aprobado']);
    expect(records.actionItems[0]!.abilities).toEqual({ updateStatus: false, edit: false });
    expect((await send(outsider, `/api/meetings/${meeting.id}/records`)).status).toBe(403);

    // Published: officers no longer edit it; its owner organization still moves its status.
    await setState(meeting.id, 'published');
    const statusPath = `/api/action-items/${actionItem.id}/status`;
    expect((await send(partnerViewer, statusPath, 'PUT', { status: 'done' })).status).toBe(403);
    expect((await send(outsider, statusPath, 'PUT', { status: 'done' })).status).toBe(403);
    expect(
      (await send(coordinatorColleague, `/api/action-items/${actionItem.id}`, 'PATCH', item))
        .status,
    ).toBe(403);
    const moved = await send(partner, statusPath, 'PUT', { status: 'in_progress' });
    expect(moved.status).toBe(200);
    const after = ActionItemReplySchema.parse(await moved.json()).actionItem;
    expect(after).toMatchObject({
      status: 'in_progress',
      overdue: true,
      statusChangedBy: { id: partner.userId },
    });
    const adminEdit = await send(admin, `/api/action-items/${actionItem.id}`, 'PATCH', {
      ...item,
      dueDate: '2099-12-31',
    });
    expect(adminEdit.status).toBe(200);
    expect(ActionItemReplySchema.parse(await adminEdit.json()).actionItem.overdue).toBe(false);
    const history = await server.app.ctx.db
      .selectFrom('action_item_changes')
      .select('before')
      .where('action_item_id', '=', actionItem.id)
      .execute();
    expect(history).toHaveLength(2);
    expect(
      (await send(admin, '/api/action-items/nosuchitem00000/status', 'PUT', { status: 'done' }))
        .status,
    ).toBe(404);
  });

  it('shows a program’s meeting records only of meetings the reader may see; the review lists open items of earlier meetings', async () => {
    // The Secretariat reads every program, but this meeting leaves it out.
    const closed = await create(coordinator, {
      organizationIds: [coordinator.organizationId, partner.organizationId],
    });
    await setState(closed.id, 'live');
    const secret = { text: { en: 'Secret', es: 'Secreto' }, programId: p0 };
    expect(
      (await send(coordinator, `/api/meetings/${closed.id}/decisions`, 'POST', secret)).status,
    ).toBe(201);
    const item = await send(coordinator, `/api/meetings/${closed.id}/action-items`, 'POST', {
      text: { en: 'Hidden task', es: 'Tarea' },
      ownerOrganizationId: coordinator.organizationId,
      dueDate: '2099-01-01',
      programId: p0,
    });
    expect(item.status).toBe(201);
    const path = `/api/programs/${p0}/meeting-records`;
    const forSecretariat = ProgramMeetingRecordsSchema.parse(
      await (await send(secretariat, path)).json(),
    );
    expect(forSecretariat.decisions.map((d) => d.meetingId)).not.toContain(closed.id);
    expect(forSecretariat.actionItems.map((a) => a.meetingId)).not.toContain(closed.id);
    const forPartner = ProgramMeetingRecordsSchema.parse(await (await send(partner, path)).json());
    const mine = forPartner.decisions.find((d) => d.meetingId === closed.id);
    expect(mine?.meetingTitle.en).toBe('Coordination meeting');
    expect((await send(outsider, path)).status).toBe(403);

    const next = await create(coordinator, {
      startsAt: '2099-03-17T14:00:00-05:00',
      endsAt: '2099-03-17T16:00:00-05:00',
    });
    const review = MeetingReviewSchema.parse(
      await (await send(partner, `/api/meetings/${next.id}/review`)).json(),
    );
    expect(review.data.map((a) => a.text.en)).toContain('Hidden task');
    const reviewSecretariat = MeetingReviewSchema.parse(
      await (await send(secretariat, `/api/meetings/${next.id}/review`)).json(),
    );
    expect(reviewSecretariat.data.map((a) => a.text.en)).not.toContain('Hidden task');
    // A meeting that took place before the item was agreed does not review it.
    const earlier = await create(coordinator, {
      startsAt: '2099-03-03T14:00:00-05:00',
      endsAt: '2099-03-03T16:00:00-05:00',
    });
    const earlierReview = MeetingReviewSchema.parse(
      await (await send(partner, `/api/meetings/${earlier.id}/review`)).json(),
    );
    expect(earlierReview.data.map((a) => a.text.en)).not.toContain('Hidden task');
  });

  it('writes a meeting’s .ics with a stable UID, UTC times and a SEQUENCE that rises on every change', async () => {
    const meeting = await create(coordinator, { location: 'San Salvador' });
    const fetchIcs = async (who: TestPerson) => {
      const res = await send(who, `/api/meetings/${meeting.id}/meeting.ics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      return events(await res.text());
    };
    const [first] = await fetchIcs(partner);
    expect(first!.uid).toBe(`${meeting.id}@mesa`);
    expect(first!.sequence).toBe(0);
    expect(first!.summary).toBe('Coordination meeting');
    expect(first!.start.zone?.tzid).toBe('UTC');
    expect(first!.start.toJSDate().toISOString()).toBe('2099-03-10T19:00:00.000Z');
    expect(first!.end.toJSDate().toISOString()).toBe('2099-03-10T21:00:00.000Z');
    const [spanish] = await fetchIcs(coordinator);
    expect(spanish!.summary).toBe('Reunión de coordinación');
    await send(coordinator, `/api/meetings/${meeting.id}`, 'PATCH', {
      startsAt: '2099-03-10T15:00:00-05:00',
    });
    const [moved] = await fetchIcs(partner);
    expect(moved!.uid).toBe(first!.uid);
    expect(moved!.sequence).toBe(1);
    expect(moved!.start.toJSDate().toISOString()).toBe('2099-03-10T20:00:00.000Z');
  });

  it('serves a per-person feed without cookies: rotating, deactivating and losing access take effect; cancelled meetings stay cancelled', async () => {
    const person = await createPersonOn(server, {});
    const meeting = await create(coordinator);
    const feedUrl = async () => {
      const res = await send(person, '/api/me/calendar-feed', 'POST');
      expect(res.status).toBe(201);
      const created = CalendarFeedCreatedSchema.parse(await res.json());
      expect(created.url.startsWith(`${server.config.publicUrl}/api/calendar/`)).toBe(true);
      return `${server.url}${new URL(created.url).pathname}`;
    };
    const status0 = CalendarFeedStatusSchema.parse(
      await (await send(person, '/api/me/calendar-feed')).json(),
    );
    expect(status0.createdAt).toBeNull();
    const url = await feedUrl();
    const uids = async (u: string) => {
      const res = await fetch(u);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      return events(await res.text());
    };
    expect((await uids(url)).map((e) => e.uid)).not.toContain(`${meeting.id}@mesa`);
    // Their organization is added: the meeting appears; removed: it disappears.
    const add = await send(coordinator, `/api/meetings/${meeting.id}/organizations`, 'PUT', {
      organizationIds: [person.organizationId],
    });
    expect(add.status).toBe(200);
    expect((await uids(url)).map((e) => e.uid)).toContain(`${meeting.id}@mesa`);
    // Cancelled: it stays, STATUS:CANCELLED with a raised SEQUENCE.
    const before = (await uids(url)).find((e) => e.uid === `${meeting.id}@mesa`)!;
    expect((await send(coordinator, `/api/meetings/${meeting.id}/cancel`, 'POST')).status).toBe(
      200,
    );
    const cancelled = (await uids(url)).find((e) => e.uid === `${meeting.id}@mesa`)!;
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.sequence).toBeGreaterThan(before.sequence);
    expect((await send(coordinator, `/api/meetings/${meeting.id}/cancel`, 'POST')).status).toBe(
      409,
    );
    const other = await create(coordinator, { organizationIds: undefined });
    await send(coordinator, `/api/meetings/${other.id}/organizations`, 'PUT', {
      organizationIds: [person.organizationId],
    });
    expect((await uids(url)).map((e) => e.uid)).toContain(`${other.id}@mesa`);
    await send(coordinator, `/api/meetings/${other.id}/organizations`, 'PUT', {
      organizationIds: [],
    });
    expect((await uids(url)).map((e) => e.uid)).not.toContain(`${other.id}@mesa`);
    // Rotation kills the old address.
    const rotated = await feedUrl();
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated)).status).toBe(200);
    // A malformed token is refused; deactivation kills the feed; deleting it too.
    expect((await fetch(`${server.url}/api/calendar/nope.ics`)).status).toBeGreaterThanOrEqual(400);
    await server.app.ctx.db
      .updateTable('users')
      .set({ active: 0 })
      .where('id', '=', person.userId)
      .execute();
    expect((await fetch(rotated)).status).toBe(404);
    await server.app.ctx.db
      .updateTable('users')
      .set({ active: 1 })
      .where('id', '=', person.userId)
      .execute();
    expect((await fetch(rotated)).status).toBe(200);
    expect((await send(person, '/api/me/calendar-feed', 'DELETE')).status).toBe(204);
    expect((await fetch(rotated)).status).toBe(404);
  });

  it('tells the owner of an action item once: the named person, else the members of the organization; losing access hides it', async () => {
    const owners = await createPersonOn(server, { relation: 'partner', programId: p1 });
    const colleague = await createPersonOn(server, { organizationId: owners.organizationId });
    const watcher = await createPersonOn(server, {
      role: 'viewer',
      organizationId: owners.organizationId,
    });
    const quiet = await createPersonOn(server, { organizationId: owners.organizationId });
    const pref = await send(quiet, '/api/me/notification-preferences', 'PUT', {
      actionItem: false,
    });
    expect(pref.status).toBe(200);
    const meeting = await create(coordinator);
    await send(coordinator, `/api/meetings/${meeting.id}/organizations`, 'PUT', {
      organizationIds: [owners.organizationId],
    });
    await setState(meeting.id, 'live');
    const path = `/api/meetings/${meeting.id}/action-items`;
    const item = {
      text: { en: 'Draft the terms', es: 'Redactar los términos' },
      ownerOrganizationId: owners.organizationId,
      dueDate: '2099-05-01',
    };
    const toOrg = ActionItemReplySchema.parse(
      await (await send(coordinator, path, 'POST', item)).json(),
    ).actionItem;
    const toPerson = ActionItemReplySchema.parse(
      await (
        await send(coordinator, path, 'POST', { ...item, ownerUserId: colleague.userId })
      ).json(),
    ).actionItem;
    const inbox = async (who: TestPerson) =>
      NotificationPageSchema.parse(await (await send(who, '/api/notifications')).json());
    await expect.poll(async () => (await inbox(colleague)).data.length).toBe(2);
    const forOwners = await inbox(owners);
    expect(forOwners.data).toHaveLength(1);
    const [n] = forOwners.data;
    expect(n).toMatchObject({
      kind: 'actionItem',
      actor: { id: coordinator.userId },
      target: {
        type: 'actionItem',
        meetingId: meeting.id,
        actionItemId: toOrg.id,
        toOrganization: true,
      },
      excerpt: 'Draft the terms',
    });
    expect(notificationLink(n!.target)).toBe(`/meetings/${meeting.id}?actionItem=${toOrg.id}`);
    const personal = (await inbox(colleague)).data.find(
      (x) => x.target.type === 'actionItem' && x.target.actionItemId === toPerson.id,
    );
    expect(personal?.target).toMatchObject({ toOrganization: false });
    expect((await inbox(watcher)).data).toHaveLength(0);
    expect((await inbox(quiet)).data).toHaveLength(0);
    expect((await inbox(coordinator)).data).toHaveLength(0);
    // Their organization leaves the meeting: the notifications are hidden.
    await send(coordinator, `/api/meetings/${meeting.id}/organizations`, 'PUT', {
      organizationIds: [],
    });
    expect((await inbox(owners)).data).toHaveLength(0);
    expect((await inbox(owners)).unreadCount).toBe(0);
  });

  it('keeps a meeting’s organizations of its programs and chair when the list leaves them out', async () => {
    const meeting: Meeting = await create(coordinator);
    const res = await send(admin, `/api/meetings/${meeting.id}/organizations`, 'PUT', {
      organizationIds: [outsider.organizationId],
    });
    const saved = MeetingReplySchema.parse(await res.json()).meeting;
    expect(saved.organizations.map((o) => o.id)).toEqual(
      expect.arrayContaining([
        outsider.organizationId,
        coordinator.organizationId,
        partner.organizationId,
      ]),
    );
    expect(saved.icsSequence).toBe(1);
  });
});

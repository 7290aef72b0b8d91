import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, firstProgramId } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { validateSessionToken } from '../auth/index.js';
import { getProgram } from '../portfolio/index.js';
import {
  addCoordinator,
  leadOrganizations,
  removeCoordinator,
  removeRelation,
  setRelation,
} from './access.service.js';

// The live layers close or narrow connections only because these services say what changed:
// a service that stops emitting `access.changed` fails here, not in production.
describe('access service events', () => {
  let t: TestApp;
  let programId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    programId = await firstProgramId(t.app);
  });
  afterAll(() => t.close());

  it('emits access.changed naming the program and person when a coordinator is added or removed', async () => {
    const person = await createPerson(t.app);
    const changed = recordEvents(t.app.events, 'access.changed');
    await addCoordinator(t.app.ctx, programId, person.userId);
    await removeCoordinator(t.app.ctx, programId, person.userId);
    const expected = { programId, userId: person.userId, organizationId: null };
    expect(changed).toEqual([expected, expected]);
  });

  it('emits access.changed naming the program and organization when a relation is set or removed', async () => {
    const person = await createPerson(t.app);
    const changed = recordEvents(t.app.events, 'access.changed');
    await setRelation(t.app.ctx, programId, person.organizationId, 'partner');
    await removeRelation(t.app.ctx, programId, person.organizationId);
    const expected = { programId, userId: null, organizationId: person.organizationId };
    expect(changed).toEqual([expected, expected]);
  });

  it('emits nothing when the change is refused', async () => {
    const changed = recordEvents(t.app.events, 'access.changed');
    await expect(addCoordinator(t.app.ctx, programId, 'no-such-person')).rejects.toThrow();
    await expect(
      setRelation(t.app.ctx, programId, 'no-such-organization', 'observer'),
    ).rejects.toThrow();
    expect(changed).toEqual([]);
  });

  it('makes the holders of the Lead relation the program’s lead organizations, and only them', async () => {
    const admin = await createPerson(t.app, { role: 'admin' });
    const actor = await validateSessionToken(t.app.ctx, admin.token);
    if (!actor) throw new Error('the admin’s session is not valid');
    const lead = await createPerson(t.app);
    const partner = await createPerson(t.app);
    await setRelation(t.app.ctx, programId, lead.organizationId, 'lead');
    await setRelation(t.app.ctx, programId, partner.organizationId, 'partner');
    expect((await leadOrganizations(t.app.ctx, [programId])).get(programId)).toEqual([
      lead.organizationId,
    ]);
    expect((await getProgram(t.app.ctx, actor, programId)).leadOrganizationIds).toEqual([
      lead.organizationId,
    ]);
    await setRelation(t.app.ctx, programId, lead.organizationId, 'observer');
    expect((await getProgram(t.app.ctx, actor, programId)).leadOrganizationIds).toEqual([]);
    await removeRelation(t.app.ctx, programId, lead.organizationId);
    await removeRelation(t.app.ctx, programId, partner.organizationId);
  });
});

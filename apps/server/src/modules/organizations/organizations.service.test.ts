import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../testing/factories.js';
import { buildTestApp, type TestApp } from '../../testing/test-app.js';
import { createOrganization, renameOrganization } from './organizations.service.js';

describe('organization names', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('renames the short names alone and keeps the full names in both languages', async () => {
    const person = await createPerson(t.app);
    const renamed = await renameOrganization(t.app.ctx, person.organizationId, {
      shortName: { en: 'MoS', es: 'MdS' },
    });
    expect(renamed.name).toEqual({
      en: `Org ${person.organizationId}`,
      es: `Org ${person.organizationId} (es)`,
    });
    expect(renamed.shortName).toEqual({ en: 'MoS', es: 'MdS' });
  });

  it('refuses a name another organization has in either language, accents and case aside', async () => {
    const input = {
      name: { en: 'Costa Rican Institute', es: 'ALEMANIA' },
      shortName: { en: 'CRI', es: 'ICR' },
      kind: 'sica_member' as const,
    };
    await expect(createOrganization(t.app.ctx, input)).rejects.toMatchObject({
      statusCode: 409,
      field: 'name.es',
    });
    const person = await createPerson(t.app);
    await expect(
      renameOrganization(t.app.ctx, person.organizationId, {
        name: { en: 'japón', es: 'Instituto' },
      }),
    ).rejects.toMatchObject({ statusCode: 409, field: 'name.en' });
  });

  it('answers 404 for an organization that does not exist, changing nothing', async () => {
    await expect(
      renameOrganization(t.app.ctx, 'no-such-organization', { name: { en: 'A', es: 'B' } }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });
});

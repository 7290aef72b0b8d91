import { describe, expect, it } from 'vitest';
import {
  PlanVersionComparisonSchema,
  PlanVersionContentSchema,
  PlanVersionSchema,
  listOf,
  planDocumentName,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';
import { connectEditor, planText, typeParagraph, waitFor, collabSuite } from '../helpers/collab.js';

describe.each(dialects)('plan versions on %s', (dialect) => {
  const suite = collabSuite(dialect);

  it('saves, lists, opens, compares and restores a version live to connected editors', async () => {
    const { server, programId, editors } = suite;
    const alice = await createPersonOn(server, { programId, relation: 'lead', name: 'Alice' });
    const bob = await createPersonOn(server, { programId, relation: 'partner' });
    const a = connectEditor(server, alice, planDocumentName(programId));
    const b = connectEditor(server, bob, planDocumentName(programId));
    editors.push(a, b);
    await waitFor(() => a.provider.synced && b.provider.synced);
    typeParagraph(a.doc, 'Reduce homicides by a third');
    await waitFor(() => planText(b.doc).includes('Reduce homicides'));
    await new Promise((r) => setTimeout(r, 50));

    const base = `/api/programs/${programId}/plan/versions`;
    const created = await fetchAs(server, alice, base, {
      method: 'POST',
      body: JSON.stringify({ name: 'Draft sent to donors' }),
    });
    expect(created.status).toBe(201);
    const { version } = (await created.json()) as { version: { id: string } };

    const list = listOf(PlanVersionSchema).parse(await (await fetchAs(server, bob, base)).json());
    const named = list.data.find((v) => v.id === version.id);
    expect(named).toMatchObject({
      name: 'Draft sent to donors',
      kind: 'named',
      author: { name: 'Alice' },
    });

    const opened = PlanVersionContentSchema.parse(
      await (await fetchAs(server, bob, `${base}/${version.id}`)).json(),
    );
    expect(opened.text).toContain('Reduce homicides by a third');
    expect(opened.markdown).toContain('## Objectives');

    typeParagraph(b.doc, 'Added after the draft');
    await waitFor(() => planText(a.doc).includes('Added after the draft'));
    await new Promise((r) => setTimeout(r, 50));
    const compared = PlanVersionComparisonSchema.parse(
      await (await fetchAs(server, bob, `${base}/${version.id}/compare`)).json(),
    );
    expect(compared.diff).toContainEqual({
      kind: 'text',
      op: 'added',
      text: 'Added after the draft',
    });

    const restored = await fetchAs(server, alice, `${base}/${version.id}/restore`, {
      method: 'POST',
    });
    expect(restored.status).toBe(204);
    await waitFor(
      () =>
        !planText(a.doc).includes('Added after the draft') &&
        !planText(b.doc).includes('Added after the draft'),
    );
    expect(planText(b.doc)).toContain('Reduce homicides by a third');
    expect(planText(b.doc).match(/Objectives/g)).toHaveLength(1);

    const md = await fetchAs(server, bob, `/api/programs/${programId}/plan.md`);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(await md.text()).toContain('Reduce homicides by a third');
  });

  it('refuses outsiders (403), read-only people saving or restoring (403) and no session (401)', async () => {
    const { server, programId } = suite;
    const outsider = await createPersonOn(server, {});
    const viewer = await createPersonOn(server, { programId, relation: 'observer' });
    const base = `/api/programs/${programId}/plan/versions`;
    expect((await fetchAs(server, null, base)).status).toBe(401);
    expect((await fetchAs(server, outsider, base)).status).toBe(403);
    expect((await fetchAs(server, outsider, `/api/programs/${programId}/plan.md`)).status).toBe(
      403,
    );
    expect((await fetchAs(server, viewer, base)).status).toBe(200);
    const post = await fetchAs(server, viewer, base, {
      method: 'POST',
      body: JSON.stringify({ name: 'x' }),
    });
    expect(post.status).toBe(403);
    const lead = await createPersonOn(server, { programId, relation: 'lead' });
    const bad = await fetchAs(server, lead, base, {
      method: 'POST',
      body: JSON.stringify({ name: '' }),
    });
    expect(bad.status).toBe(400);
    expect((await fetchAs(server, lead, `${base}/nosuchversion00`)).status).toBe(404);
  });
});

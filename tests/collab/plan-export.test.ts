import { describe, expect, it } from 'vitest';
import { listOf, planDocumentName, PlanVersionSchema, ProgramSchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import type { TestServer } from '../helpers/server.js';
import { collabSuite, connectEditor, typeParagraph, waitFor } from '../helpers/collab.js';

const TITLE_EN = 'Prevention of violence against women in Central America';
const TITLE_ES = 'Prevención de la violencia contra las mujeres en Centroamérica';

async function programBA1(server: TestServer, person: TestPerson): Promise<string> {
  const res = await fetchAs(server, person, '/api/programs');
  const { data } = listOf(ProgramSchema).parse(await res.json());
  const program = data.find((p) => p.code === 'BA1');
  if (!program) throw new Error('the seed has no BA1');
  return program.id;
}

/** A person of a lead organization, in a language and a time zone (set as they would). */
async function reader(server: TestServer, programId: string, locale: 'en' | 'es', zone: string) {
  const person = await createPersonOn(server, { programId, relation: 'lead', locale });
  const res = await fetchAs(server, person, '/api/me', {
    method: 'PATCH',
    body: JSON.stringify({ timeZone: zone }),
  });
  expect(res.status).toBe(200);
  return person;
}

async function exportAs(server: TestServer, person: TestPerson, programId: string) {
  const res = await fetchAs(server, person, `/api/programs/${programId}/plan.md`);
  expect(res.status).toBe(200);
  const text = await res.text();
  return { res, text, lines: text.split('\n') };
}

describe.each(dialects)('the Markdown export on %s', (dialect) => {
  const suite = collabSuite(dialect);

  it("starts with the code and title, the date and the version in the reader's language and zone, and is named after them", async () => {
    const { server, editors } = suite;
    const admin = await createPersonOn(server, { role: 'admin' });
    const programId = await programBA1(server, admin);
    const ana = await reader(server, programId, 'es', 'America/Guatemala');
    const bob = await reader(server, programId, 'en', 'Asia/Tokyo');

    // Nothing saved yet: the text is the current text, and says so.
    const first = await exportAs(server, ana, programId);
    expect(first.res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(first.res.headers.get('content-disposition')).toBe(
      `attachment; filename="BA1 Prevencion de la violencia contra las mujeres en Centroamerica.md"; ` +
        `filename*=UTF-8''${encodeURIComponent(`BA1 ${TITLE_ES}.md`)}`,
    );
    expect(first.lines.slice(0, 2)).toEqual([`# BA1 — ${TITLE_ES}`, '']);
    expect(first.lines[2]).toMatch(
      /^- \*\*Exportado:\*\* \d{1,2} de [a-z]+ de \d{4} a las \d{2}:\d{2} GMT-6 \(America\/Guatemala\)$/,
    );
    expect(first.lines[3]).toBe(
      '- **Versión:** texto actual, no es una versión guardada (aún no se ha guardado ninguna versión)',
    );
    expect(first.lines.slice(4, 7)).toEqual(['', '---', '']);
    expect(first.lines[7]).toMatch(/^## /);

    // Typing makes the hour's automatic version; a named one follows it.
    const editor = connectEditor(server, ana, planDocumentName(programId));
    editors.push(editor);
    await waitFor(() => editor.provider.synced);
    typeParagraph(editor.doc, 'Reducir la violencia contra las mujeres');
    const versions = `/api/programs/${programId}/plan/versions`;
    await waitFor(async () => {
      const list = listOf(PlanVersionSchema).parse(
        await (await fetchAs(server, ana, versions)).json(),
      );
      return list.data.length === 1 && list.data[0]!.kind === 'auto';
    });
    const created = await fetchAs(server, ana, versions, {
      method: 'POST',
      body: JSON.stringify({ name: 'Borrador para donantes' }),
    });
    const { version } = (await created.json()) as { version: { number: number } };
    expect(version.number).toBe(2);

    const saved = await exportAs(server, ana, programId);
    expect(saved.lines[3]).toMatch(
      /^- \*\*Versión:\*\* 2 «Borrador para donantes», guardada el \d{1,2} de [a-z]+ de \d{4} a las \d{2}:\d{2} GMT-6 \(America\/Guatemala\)$/,
    );
    const english = await exportAs(server, bob, programId);
    expect(english.res.headers.get('content-disposition')).toContain(
      `filename="BA1 ${TITLE_EN}.md"; filename*=UTF-8''${encodeURIComponent(`BA1 ${TITLE_EN}.md`)}`,
    );
    expect(english.lines[0]).toBe(`# BA1 — ${TITLE_EN}`);
    expect(english.lines[2]).toMatch(
      /^- \*\*Exported:\*\* [A-Z][a-z]+ \d{1,2}, \d{4} at \d{2}:\d{2} GMT\+9 \(Asia\/Tokyo\)$/,
    );
    expect(english.lines[3]).toMatch(/^- \*\*Version:\*\* 2 “Borrador para donantes”, saved /);
    expect(english.text).toContain('Reducir la violencia contra las mujeres');

    // A change since: the export no longer claims to be the saved version.
    typeParagraph(editor.doc, 'Añadido después del borrador');
    await waitFor(async () => (await exportAs(server, bob, programId)).text.includes('Añadido'));
    const changed = await exportAs(server, bob, programId);
    expect(changed.lines[3]).toMatch(
      /^- \*\*Version:\*\* current text, not a saved version \(latest saved version: 2 “Borrador para donantes”, saved .+ \(Asia\/Tokyo\)\)$/,
    );
  });
});

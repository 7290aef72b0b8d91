import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { listOf, planDocumentName, ProgramSchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { connectEditor, waitFor, type TestEditor } from '../helpers/collab.js';

const TEXT = {
  en: {
    title: 'BA1 — Prevention of violence against women in Central America',
    printed: 'Printed',
    compare: 'Compare with current',
    saved:
      /^3 “Draft sent to donors”, saved [A-Z][a-z]+ \d{1,2}, \d{4}.* \d{2}:\d{2} GMT-6 \(America\/Guatemala\)$/,
    changed:
      /^current text, not a saved version \(latest saved version: 3 “Draft sent to donors”, saved .+\)$/,
    table: 'Table changed',
    rowChanged: 'Row changed',
    rowAdded: 'Row added',
  },
  es: {
    title: 'BA1 — Prevención de la violencia contra las mujeres en Centroamérica',
    printed: 'Impreso',
    compare: 'Comparar con la actual',
    saved:
      /^3 «Draft sent to donors», guardada el \d{1,2} de [a-z]+ de \d{4}.* \d{2}:\d{2} GMT-6 \(America\/Guatemala\)$/,
    changed:
      /^texto actual, no es una versión guardada \(última versión guardada: 3 «Draft sent to donors», guardada el .+\)$/,
    table: 'Tabla modificada',
    rowChanged: 'Fila modificada',
    rowAdded: 'Fila añadida',
  },
} as const;

/** A table of the plan as the editor stores it: a header row, then body rows. */
function table(rows: string[][]): Y.XmlElement {
  const element = new Y.XmlElement('table');
  element.insert(
    0,
    rows.map((cells, index) => {
      const row = new Y.XmlElement('tableRow');
      row.insert(
        0,
        cells.map((text) => {
          const cell = new Y.XmlElement(index === 0 ? 'tableHeader' : 'tableCell');
          const paragraph = new Y.XmlElement('paragraph');
          paragraph.insert(0, [new Y.XmlText(text)]);
          cell.insert(0, [paragraph]);
          return cell;
        }),
      );
      return row;
    }),
  );
  return element;
}

/** Replaces the plan's table with another table, as a person would. */
function replaceTable(editor: TestEditor, rows: string[][]): void {
  const fragment = editor.doc.getXmlFragment('default');
  // The table is not always the last block: a browser's editor adds an empty paragraph after
  // a table that ends the plan (Tiptap's trailing node) once it writes to the document.
  const at = fragment
    .toArray()
    .findLastIndex((node) => node instanceof Y.XmlElement && node.nodeName === 'table');
  editor.doc.transact(() => {
    fragment.delete(at, 1);
    fragment.insert(at, [table(rows)]);
  });
}

describe('exports and comparisons in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let editor: TestEditor;
  const people = {} as Record<'en' | 'es', TestPerson>;

  async function openPlan(locale: 'en' | 'es', viewport: { width: number; height: number }) {
    const context = await contextFor(browser, server, people[locale], { locale, viewport });
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    await page.locator('.save-status[data-status="saved"]').waitFor({ timeout: 20_000 });
    return page;
  }

  async function printHeader(page: Page) {
    await page.emulateMedia({ media: 'print' });
    const header = page.locator('[data-slot="print-header"]');
    expect(await header.isVisible()).toBe(true);
    const facts = await header.locator('dd').allInnerTexts();
    return { title: await header.locator('p').innerText(), facts, header };
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    const admin = await createPersonOn(server, { role: 'admin' });
    const { data } = listOf(ProgramSchema).parse(
      await (await fetchAs(server, admin, '/api/programs')).json(),
    );
    programId = data.find((p) => p.code === 'BA1')!.id;
    for (const locale of ['en', 'es'] as const) {
      people[locale] = await createPersonOn(server, {
        programId,
        relation: 'lead',
        locale,
        name: locale === 'en' ? 'Ana Pérez' : 'Beto Ruiz',
      });
      await fetchAs(server, people[locale], '/api/me', {
        method: 'PATCH',
        body: JSON.stringify({ timeZone: 'America/Guatemala' }),
      });
    }
    // The plan gets a budget table, then a named version of it.
    editor = connectEditor(server, people.en, planDocumentName(programId), { ack: true });
    await waitFor(() => editor.provider.synced);
    editor.doc.getXmlFragment('default').push([
      table([
        ['Activity', 'Budget'],
        ['Training', '100'],
        ['Vans', '50'],
      ]),
    ]);
    await waitFor(() => editor.saved());
    // The first change makes the hour's automatic version (1); two named ones follow (2, 3).
    const versions = `/api/programs/${programId}/plan/versions`;
    await waitFor(async () => {
      const res = await fetchAs(server, people.en, versions);
      return ((await res.json()) as { data: unknown[] }).data.length === 1;
    });
    for (const name of ['First draft', 'Draft sent to donors']) {
      const res = await fetchAs(server, people.en, versions, {
        method: 'POST',
        body: JSON.stringify({ name }),
      });
      expect(res.status).toBe(201);
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    editor?.destroy();
    await browser?.close();
    await server?.close();
  });

  it('prints the code and title, the date and the saved version the text is (en and es)', async () => {
    for (const locale of ['en', 'es'] as const) {
      const page = await openPlan(locale, Viewports.laptop);
      const text = TEXT[locale];
      const { title, facts, header } = await printHeader(page);
      expect(title).toBe(text.title);
      expect(await header.locator('dt').first().innerText()).toBe(text.printed);
      expect(facts[0]).toMatch(/\d{4}.* \d{2}:\d{2} GMT-6 \(America\/Guatemala\)$/);
      await waitFor(async () => text.saved.test((await header.locator('dd').allInnerTexts())[1]!));
      expect(await page.locator('.plan-toolbar').isVisible()).toBe(false);
      await screenshot(page, `plan-print-saved-${locale}`);
      await page.context().close();
    }
  });

  it('shows a changed table as a table in the comparison, and prints "current text" (1280, 768, 390; en and es)', async () => {
    replaceTable(editor, [
      ['Activity', 'Budget'],
      ['Training', '120'],
      ['Vans', '50'],
      ['Radios', '30'],
    ]);
    await waitFor(() => editor.saved());
    for (const locale of ['en', 'es'] as const) {
      for (const [size, viewport] of Object.entries(Viewports)) {
        const page = await openPlan(locale, viewport);
        const text = TEXT[locale];
        const item = page.locator('.versions__item', { hasText: 'Draft sent to donors' });
        await item.getByRole('button', { name: text.compare }).click();
        const diff = page.getByRole('table', { name: text.table });
        await diff.waitFor();
        const rows = diff.getByRole('row');
        expect(await rows.count()).toBe(4);
        expect(await rows.nth(1).innerText()).toContain('120');
        expect(await rows.nth(1).locator('del').innerText()).toContain('100');
        expect(await rows.nth(1).locator('ins').innerText()).toContain('120');
        expect(await rows.nth(1).locator('.diff-table__mark').textContent()).toContain(
          text.rowChanged,
        );
        expect(await rows.nth(3).locator('.diff-table__mark').textContent()).toContain(
          text.rowAdded,
        );
        expect(await page.locator('.version-detail').innerText()).not.toContain('|');
        await diff.scrollIntoViewIfNeeded();
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, `plan-compare-table-${locale}-${size}`);

        const { title, facts } = await printHeader(page);
        expect(title).toBe(text.title);
        expect(facts[1]).toMatch(text.changed);
        await screenshot(page, `plan-print-changed-${locale}-${size}`);
        await page.context().close();
      }
    }
  });
});

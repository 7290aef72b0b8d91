import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { IatiImportReplySchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { launchBrowser, openPage, runAxe, Viewports } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout.js';

const SHOTS = '/tmp/shots-iati';
const PUBLISHER = 'XI-IATI-SICA';

/** An IATI 2.03 file (valid against the XSD) with two importable transactions and one problem. */
function iatiFile(donor: string): string {
  const org = `<narrative>${donor}</narrative>`;
  const transaction = (ref: string, code: number, date: string, value: string) =>
    `<transaction ref="${ref}"><transaction-type code="${code}"/><transaction-date iso-date="${date}"/><value currency="USD" value-date="${date}">${value}</value><provider-org type="10">${org}</provider-org></transaction>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">
<iati-activity last-updated-datetime="2026-01-01T00:00:00Z" xml:lang="en">
<iati-identifier>XM-E2E-1-BORDER</iati-identifier>
<reporting-org ref="XM-E2E-1" type="10">${org}</reporting-org>
<title><narrative>Border police training</narrative></title>
<description type="1"><narrative>Training of border police.</narrative></description>
<participating-org role="1" type="10">${org}</participating-org>
<activity-status code="2"/>
<activity-date type="2" iso-date="2025-01-15"/>
${transaction('E2E-1', 2, '2025-01-15', '1234567.50')}
${transaction('E2E-2', 3, '2025-03-01', '250000')}
${transaction('E2E-3', 3, '2025-04-01', '10.555')}
</iati-activity>
</iati-activities>
`;
}

// The IATI pages with the real server: the publisher identifier set by keyboard on the admin
// organizations page, the export downloaded, a 2.03 file uploaded through the file input,
// previewed (transactions, a problem, duplicates after a second upload), a program chosen,
// imported; axe finds nothing; EN and ES; screenshots at 1280, 768 and 390 px.
describe('IATI pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestPerson;
  let administradora: TestPerson;
  let donorName: string;
  let secretariatName: string;
  let program: { id: string; code: string; title_en: string };
  const contexts: BrowserContext[] = [];

  const open = (
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
    path: string,
  ) => openPage(browser, server, contexts, person, { locale, viewport }, path);

  const upload = async (page: Page, fileName: string) => {
    await page.getByLabel(/^(IATI file|Archivo IATI)$/).setInputFiles({
      name: fileName,
      mimeType: 'application/xml',
      buffer: Buffer.from(iatiFile(donorName)),
    });
    await page.getByRole('button', { name: /Upload and preview|Subir y ver vista previa/ }).click();
    await page.waitForURL(/\/funding\/iati\/imports\/[^/]+$/);
    await page.getByRole('table').first().waitFor();
  };

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    const db = server.app.ctx.db;
    admin = await createPersonOn(server, { role: 'admin', name: 'Ada Admin' });
    administradora = await createPersonOn(server, {
      role: 'admin',
      name: 'Adela Administradora',
      locale: 'es',
    });
    const donor = await db
      .selectFrom('organizations')
      .select(['name_en'])
      .where('kind', '=', 'partner_nation')
      .orderBy('name_en')
      .executeTakeFirstOrThrow();
    donorName = donor.name_en;
    secretariatName = (
      await db
        .selectFrom('organizations')
        .select('name_en')
        .where('kind', '=', 'sica_secretariat')
        .executeTakeFirstOrThrow()
    ).name_en;
    const p = await db
      .selectFrom('programs')
      .select(['id', 'code', 'title_en'])
      .where('code', 'is not', null)
      .orderBy('code')
      .executeTakeFirstOrThrow();
    program = { id: p.id, code: p.code!, title_en: p.title_en };
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.close();
  });

  it('explains what to set, takes the identifier by keyboard, then downloads an IATI file', async () => {
    const page = await open(admin, 'en', Viewports.laptop, '/funding/iati');
    const alert = page.getByRole('alert').filter({ hasText: /publisher's identifier/ });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('SICA General Secretariat');
    await page.screenshot({ path: `${SHOTS}/iati-no-publisher-en-laptop.png`, fullPage: true });
    // No export link that would only answer with an error.
    expect(await page.getByRole('link', { name: /IATI XML/ }).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
    await alert.getByRole('link', { name: /Administration → Organizations/ }).click();
    await page.waitForURL(/\/admin\/organizations/);

    // Each organization's field is named with the organization, not only "IATI identifier".
    const field = page.getByRole('textbox', {
      name: `IATI organisation identifier of ${secretariatName}`,
    });
    await field.waitFor();
    await field.focus();
    await page.keyboard.type(PUBLISHER);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'IATI identifier saved.' }).waitFor();
    expect(await runAxe(page)).toEqual([]);

    await page.goto('/funding/iati');
    const link = page.getByRole('link', { name: 'All programs — IATI XML' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*<iati-activities version="2\.03"/,
    );
    expect(xml).toContain(`<reporting-org ref="${PUBLISHER}"`);
    expect(await page.getByText(/publisher's identifier/).count()).toBe(0);
    expect(await runAxe(page)).toEqual([]);
  });

  it('uploads, previews, imports with a chosen program, and shows duplicates on a second upload (EN)', async () => {
    const page = await open(admin, 'en', Viewports.laptop, '/funding/iati');
    // Nothing chosen: the page says what to do.
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose an IATI XML file first.' }).waitFor();
    // A file that is not IATI: refused, with what to do next; the page stays.
    await page.getByLabel('IATI file', { exact: true }).setInputFiles({
      name: 'notes.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?><html/>'),
    });
    expect(await page.getByText('notes.xml').count()).toBe(1);
    await page.getByRole('button', { name: 'Upload and preview' }).click();
    const refused = page.getByRole('alert').filter({ hasText: /refused/ });
    await refused.waitFor();
    expect(await refused.textContent()).toMatch(
      /root element.*Fix the file and upload it again\.$/,
    );
    expect(await runAxe(page)).toEqual([]);

    await upload(page, 'border.xml');
    await page.getByRole('heading', { level: 1, name: 'IATI import preview' }).waitFor();
    const section = page.getByRole('region', { name: 'Border police training', exact: true });
    const rows = section.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const text = (await section.textContent()) ?? '';
    expect(text).toContain('$1,234,567.50');
    expect(text).toContain('$250,000.00');
    expect(text).toMatch(/Line \d+: value 10\.555 has more decimals than USD has/);
    const totals = page.getByRole('status').filter({ hasText: 'to import' });
    expect(await totals.textContent()).toBe(
      '2 transactions to import, $1,484,567.50 at today’s rates.',
    );
    expect(await runAxe(page)).toEqual([]);

    await section.getByRole('combobox', { name: 'Record on' }).selectOption({ value: program.id });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Imported: border.xml' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'imported' }).textContent()).toBe(
      '2 transactions imported in 1 record.',
    );
    expect(await runAxe(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/result-en-laptop.png`, fullPage: true });
    const recordLink = page.getByRole('link', { name: new RegExp(program.code) });
    expect(await recordLink.count()).toBe(1);
    await recordLink.click();
    await page.waitForURL(/\/funding\/records\/[^/]+$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect.poll(() => page.getByText('$1,234,567.50').count()).toBeGreaterThan(0);

    // The same file again: everything already in Mesa, the program suggested from before.
    await page.goto('/funding/iati');
    await upload(page, 'border.xml');
    const again = page.getByRole('region', { name: 'Border police training', exact: true });
    await expect.poll(() => again.getByText('Already in Mesa (skipped)').count()).toBe(2);
    expect(await again.getByText(/chosen for this identifier before/).count()).toBe(1);
    expect(await again.getByRole('combobox', { name: 'Record on' }).inputValue()).toBe(program.id);
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.waitForURL(/\/funding\/iati$/);
  });

  it('works in Spanish and looks right at laptop, tablet and phone widths', async () => {
    for (const locale of ['en', 'es'] as const) {
      const person = locale === 'es' ? administradora : admin;
      const res = await fetchAs(
        server,
        person,
        `/api/funding/iati/imports?fileName=frontera-${locale}.xml`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/xml' },
          body: iatiFile(donorName).replace(/E2E-(\d)"/g, `E2E-${locale}-$1"`),
        },
      );
      expect(res.status, await res.clone().text()).toBe(201);
      const previewId = IatiImportReplySchema.parse(await res.json()).import.id;
      for (const [size, viewport] of Object.entries(Viewports)) {
        const page = await open(person, locale, viewport, '/funding/iati');
        await page.getByRole('heading', { level: 2 }).nth(1).waitFor();
        await page.screenshot({ path: `${SHOTS}/iati-${locale}-${size}.png`, fullPage: true });
        expect(await runAxe(page)).toEqual([]);
        expect(await layoutProblems(page)).toEqual([]);
        await page.goto(`/funding/iati/imports/${previewId}`);
        await page.getByRole('table').first().waitFor();
        if (locale === 'es') {
          const region = page.getByRole('region', { name: 'Border police training', exact: true });
          expect(await region.textContent()).toContain('1.234.567,50');
          await region.getByRole('combobox', { name: 'Registrar en' }).waitFor();
        }
        await page.screenshot({ path: `${SHOTS}/preview-${locale}-${size}.png`, fullPage: true });
        expect(await runAxe(page)).toEqual([]);
        expect(await layoutProblems(page)).toEqual([]);
        await page.context().close();
      }
    }
  });
});

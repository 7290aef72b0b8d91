import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { listOf, OrganizationSchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const LEAD_LABEL = { en: 'Lead organizations', es: 'Organizaciones líderes' } as const;

/** The value of one fact of the program page, by its label. */
function fact(page: Page, label: string) {
  return page.locator('.fact-row', { has: page.locator('dt', { hasText: label }) }).locator('dd');
}

describe('organizations in the reader’s language, leads from the relations', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let admin: TestPerson;
  let ana: TestPerson;
  let luis: TestPerson;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson,
    locale: 'en' | 'es',
    path: string,
    viewport: { width: number; height: number } = Viewports.laptop,
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.loading-state'));
    return page;
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin' });
    const organizations = listOf(OrganizationSchema).parse(
      await (await fetchAs(server, admin, '/api/organizations')).json(),
    ).data;
    const idOf = (en: string) => organizations.find((o) => o.name.en === en)!.id;
    // Two leads set where leads are set: in program access, as relations.
    for (const [name, relation] of [
      ['Spain', 'lead'],
      ['Guatemala', 'lead'],
      ['United States', 'partner'],
    ] as const) {
      const res = await fetchAs(
        server,
        admin,
        `/api/programs/${programId}/organizations/${idOf(name)}`,
        { method: 'PUT', body: JSON.stringify({ relation }) },
      );
      expect(res.status).toBe(204);
    }
    ana = await createPersonOn(server, {
      organizationId: idOf('Spain'),
      programId,
      coordinator: true,
      name: 'Ana Morales',
      locale: 'es',
    });
    luis = await createPersonOn(server, {
      organizationId: idOf('United States'),
      name: 'Luis Carter',
    });
    browser = await launchBrowser();
  });

  // Each test's tabs close with it: the next test starts with nobody else in the plan.
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`names the program's lead organizations, from the Lead relations, in ${locale} (${size})`, async () => {
        const page = await open(ana, locale, `/programs/${programId}`, viewport);
        const leads = fact(page, LEAD_LABEL[locale]).getByRole('listitem');
        await leads.first().waitFor();
        expect(await leads.allTextContents()).toEqual(
          locale === 'es' ? ['España', 'Guatemala'] : ['Guatemala', 'Spain'],
        );
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, `names-program-leads-${locale}-${size}`);
      });
    }
  }

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`lets an administrator rename an organization in both languages, each required (${locale}, ${size})`, async () => {
        const page = await open(admin, locale, '/admin/organizations', viewport);
        const text = {
          en: { rename: 'Rename Spain', spanish: 'Name in Spanish', save: 'Save' },
          es: { rename: 'Renombrar España', spanish: 'Nombre en español', save: 'Guardar' },
        }[locale];
        await page.getByRole('button', { name: text.rename }).click();
        const table = page.getByRole('table');
        const spanish = table.getByLabel(text.spanish, { exact: true });
        expect(await spanish.inputValue()).toBe('España');
        await spanish.fill('');
        await table.getByRole('button', { name: text.save, exact: true }).click();
        await spanish.and(page.locator('[aria-invalid="true"]')).waitFor();
        expect(await spanish.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await runAxe(page)).toEqual([]);
        await screenshot(page, `names-admin-rename-${locale}-${size}`);
      });
    }
  }

  it('offers a Spanish coordinator the organizations to invite into by their Spanish names', async () => {
    const page = await open(ana, 'es', '/invite-people');
    const select = page.getByRole('combobox', { name: 'Organización' });
    const offered = await select.locator('option').allTextContents();
    expect(offered).toEqual(
      expect.arrayContaining(['España', 'Estados Unidos', 'Secretaría General del SICA']),
    );
    expect(offered).not.toContain('Spain');
    expect(offered).not.toContain('United States');
    expect(offered).toEqual([...offered].sort((a, b) => a.localeCompare(b, 'es')));
    expect(await runAxe(page)).toEqual([]);
    await screenshot(page, 'names-invite-people-es');
  });

  it('shows two people in a plan each other’s organization in their own language', async () => {
    const anaPage = await open(ana, 'es', `/programs/${programId}`);
    const luisPage = await open(luis, 'en', `/programs/${programId}`);
    // "In the plan now": the people of each organization are a list named after it.
    const presence = (page: Page, organization: string, person: string) =>
      page
        .locator('section.presence')
        .getByRole('list', { name: organization, exact: true })
        .getByText(person);
    await presence(anaPage, 'Estados Unidos', 'Luis Carter').waitFor({ timeout: 20_000 });
    await presence(luisPage, 'Spain', 'Ana Morales').waitFor({ timeout: 20_000 });
    // The carets too: each labels the other with the organization in their own language.
    await luisPage.locator('.plan-doc').click();
    await luisPage.keyboard.press('Control+End');
    await anaPage
      .locator('.collaboration-carets__label', { hasText: 'Luis Carter · Estados Unidos' })
      .waitFor();
    await anaPage.locator('.plan-doc').click();
    await luisPage
      .locator('.collaboration-carets__label', { hasText: 'Ana Morales · Spain' })
      .waitFor();
    expect(await anaPage.locator('section.presence').textContent()).not.toContain('United States');
    expect(await luisPage.locator('section.presence').textContent()).not.toContain('España');
    for (const [page, name] of [
      [anaPage, 'names-plan-presence-es'],
      [luisPage, 'names-plan-presence-en'],
    ] as const) {
      expect(await runAxe(page)).toEqual([]);
      await screenshot(page, name);
    }
  });
});

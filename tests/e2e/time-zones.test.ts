import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MeReplySchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, inviteMember, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const NEW_PASSWORD = 'lanterns over the quiet harbour';
const GUATEMALA = 'UTC\u221206:00 Guatemala';

async function storedSettings(server: TestServer, email: string) {
  return server.app.ctx.db
    .selectFrom('users')
    .select(['locale', 'time_zone'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
}

async function expectNoAxeViolations(page: Page) {
  expect(await runAxe(page)).toEqual([]);
}

describe('language and time zone of new accounts in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: TestPerson;

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    admin = await createPersonOn(server, { role: 'admin', name: 'Ada Admin' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps the Spanish and the Guatemala zone of an invitation completed there', async () => {
    const email = `lucia-${Date.now()}@example.org`;
    const invitation = await inviteMember(server, admin, email);
    const context = await contextFor(browser, server, null, {
      locale: 'es',
      timeZone: 'America/Guatemala',
    });
    const page = await context.newPage();
    await page.goto(invitation.url);
    await page.getByRole('heading', { level: 1, name: 'Unirse a Mesa' }).waitFor();
    await page.getByText(`Zona horaria: ${GUATEMALA}`, { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'invitation-language-zone-es-laptop');
    await page.getByLabel('Nombre').fill('Lucía Pérez');
    await page.getByLabel('Contraseña', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Crear mi cuenta' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cartera de programas' }).waitFor();
    expect(await storedSettings(server, email)).toEqual({
      locale: 'es',
      time_zone: 'America/Guatemala',
    });

    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Su perfil' }).waitFor();
    expect(await page.locator('select[name="locale"]').inputValue()).toBe('es');
    expect(await page.getByRole('combobox', { name: 'Zona horaria' }).inputValue()).toBe(GUATEMALA);
    await context.close();

    // The account, not the browser, holds the language: an English browser signs in to Spanish.
    const english = await contextFor(browser, server, null, { locale: 'en' });
    const again = await english.newPage();
    await again.goto('/sign-in');
    await again.getByLabel('Email').fill(email);
    await again.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await again.getByRole('button', { name: 'Sign in' }).click();
    await again.getByRole('heading', { level: 1, name: 'Cartera de programas' }).waitFor();
    await english.close();
  });

  it('lets a person find a zone by typing and save it', async () => {
    const person = await createPersonOn(server, { locale: 'es' });
    const context = await contextFor(browser, server, person, { locale: 'es' });
    const page = await context.newPage();
    await page.goto('/profile');
    const picker = page.getByRole('combobox', { name: 'Zona horaria' });
    await picker.click();
    await picker.fill('japón');
    const options = page.getByRole('listbox', { name: 'Zona horaria' }).getByRole('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual(['UTC+09:00 Tokyo hora estándar de Japón']);
    await page.keyboard.press('Enter');
    expect(await picker.inputValue()).toBe('UTC+09:00 Tokyo');

    await picker.fill('-6');
    await page.getByRole('option', { name: /Guatemala/ }).waitFor();
    await page.keyboard.press('Escape');
    expect(await picker.inputValue()).toBe('UTC+09:00 Tokyo');

    await page.getByRole('button', { name: 'Guardar' }).first().click();
    await page.getByText('Su perfil se ha guardado.').waitFor();
    const me = MeReplySchema.parse(await (await fetchAs(server, person, '/api/me')).json());
    expect(me.user.timeZone).toBe('Asia/Tokyo');
    await context.close();
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`shows the time-zone picker on the profile, axe clean (${locale}, ${size})`, async () => {
        const person = await createPersonOn(server, { locale, name: 'Paz Zelaya' });
        await fetchAs(server, person, '/api/me', {
          method: 'PATCH',
          body: JSON.stringify({ timeZone: 'America/Guatemala' }),
        });
        const context = await contextFor(browser, server, person, { locale, viewport });
        const page = await context.newPage();
        await page.goto('/profile');
        const label = locale === 'es' ? 'Zona horaria' : 'Time zone';
        const picker = page.getByRole('combobox', { name: label });
        await picker.waitFor();
        expect(await picker.inputValue()).toBe(GUATEMALA);
        await page.waitForFunction(() => !document.querySelector('.loading-state'));
        await expectNoAxeViolations(page);
        await screenshot(page, `profile-time-zone-${locale}-${size}`);

        await picker.focus();
        await page.keyboard.press('ArrowDown');
        const active = page.locator('[role="option"].tz-picker__option--active');
        expect(await active.textContent()).toMatch(/^UTC−06:00 Guatemala/);
        await expectNoAxeViolations(page);
        await screenshot(page, `profile-time-zone-open-${locale}-${size}`);

        await page.keyboard.type('europ');
        await page.getByRole('option', { name: /Madrid/ }).waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `profile-time-zone-search-${locale}-${size}`);
        await context.close();
      });
    }
  }
});

describe('language and time zone of the first administrator in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const lines: string[] = [];

  beforeAll(async () => {
    server = await startServerOnOwnOrigin({ app: { announce: (line) => lines.push(line) } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates the setup link’s admin in the browser’s zone and the form’s language', async () => {
    const url = /(https?:\/\/\S+\/setup\/\S+)$/.exec(lines[0] ?? '')?.[1];
    expect(url).toBeDefined();
    const context = await contextFor(browser, server, null, { timeZone: 'America/Guatemala' });
    const page = await context.newPage();
    await page.goto(url!);
    await page.getByRole('heading', { level: 1, name: 'Set up Mesa' }).waitFor();
    await page.getByText(`Time zone: ${GUATEMALA}`, { exact: false }).waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'setup-language-zone-en-laptop');
    await page.getByLabel('Email').fill('first.admin@example.org');
    await page.getByLabel('Name').fill('First Admin');
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create the administrator' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program portfolio' }).waitFor();
    expect(await storedSettings(server, 'first.admin@example.org')).toEqual({
      locale: 'en',
      time_zone: 'America/Guatemala',
    });
    await context.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { InvitationCreatedReplySchema, OrganizationSchema, listOf } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const NEW_PASSWORD = 'lanterns over the quiet harbour';
const OrganizationsSchema = listOf(OrganizationSchema);

describe('accounts in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let admin: TestPerson;
  let member: TestPerson;
  let viewer: TestPerson;

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin', name: 'Ada Admin' });
    member = await createPersonOn(server, { role: 'member', relation: 'lead', programId });
    viewer = await createPersonOn(server, { role: 'viewer', relation: 'partner', programId });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function invite(email: string) {
    const res = await fetchAs(server, admin, '/api/invitations', {
      method: 'POST',
      body: JSON.stringify({ email, role: 'member', organizationId: member.organizationId }),
    });
    expect(res.status).toBe(201);
    return InvitationCreatedReplySchema.parse(await res.json()).invitation;
  }

  async function expectNoAxeViolations(page: Page) {
    expect(await runAxe(page)).toEqual([]);
  }

  it('accepts an invitation, signs out, and signs in again landing where they were going', async () => {
    const email = `invited-${Date.now()}@example.org`;
    const invitation = await invite(email);
    const context = await contextFor(browser, server, null);
    const page = await context.newPage();
    await page.goto(invitation.url);
    await page.getByRole('heading', { level: 1, name: 'Join Mesa' }).waitFor();
    expect(await page.getByText(email).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.getByLabel('Name').fill('Inés Invitada');
    // A common password is refused at the field, saying which rule it breaks; no banner.
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('password1234');
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.locator('input[aria-invalid="true"]').waitFor();
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const advice = await page
      .locator(
        describedBy
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .allInnerTexts();
    expect(advice.join(' ')).toContain('one of the most common passwords');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await password.evaluate((input) => input === document.activeElement)).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, 'invitation-weak-password-en-laptop');
    await password.fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Create my account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program portfolio' }).waitFor();

    await page.getByRole('button', { name: /Inés Invitada/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');

    await page.goto('/profile');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/profile');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profile');
    // The sessions list loads after the heading; wait for it before counting.
    await page.getByText('This device').waitFor();
    expect(await page.getByText('This device').count()).toBe(1);
    await context.close();
  });

  it('says the email or password is wrong without saying which', async () => {
    const context = await contextFor(browser, server, null);
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill('not the right password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'email or password is not right' }).waitFor();
    await context.close();
  });

  it('shows a member a clear 403 on an admin page and no Administration in their menu', async () => {
    const context = await contextFor(browser, server, member);
    const page = await context.newPage();
    await page.goto('/admin/people');
    await page
      .getByRole('heading', { level: 1, name: 'You do not have access to this page' })
      .waitFor();
    await page.getByRole('button', { name: new RegExp(member.name) }).click();
    expect(await page.getByRole('link', { name: 'Profile' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-forbidden-en-laptop');
    await context.close();
  });

  it('shows a viewer no editing controls on the program page, and an admin "Edit details"', async () => {
    const context = await contextFor(browser, server, viewer);
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    await page.getByRole('heading', { name: 'Program details' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.locator('main form, main input, main select, main textarea').count()).toBe(0);
    await context.close();

    const adminContext = await contextFor(browser, server, admin);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`/programs/${programId}`);
    await adminPage.getByRole('button', { name: 'Edit details' }).click();
    await adminPage.getByRole('heading', { name: 'Edit program details' }).waitFor();
    await expectNoAxeViolations(adminPage);
    await screenshot(adminPage, 'program-edit-en-laptop');
    await adminContext.close();
  });

  it('lets an admin create an invitation link with Copy, and save program details', async () => {
    const context = await contextFor(browser, server, admin, { locale: 'es' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto('/admin/invitations');
    const invited = `ui-${Date.now()}@example.org`;
    await page.getByLabel('Correo electrónico').fill(invited);
    await page.getByRole('button', { name: 'Crear enlace de invitación' }).click();
    const link = page.getByLabel(`Enlace de invitación para ${invited}`);
    await link.waitFor();
    expect(await link.inputValue()).toMatch(/\/invite\/.+/);
    // The email is cleared for the next person; focus is on the new link.
    expect(await page.getByLabel('Correo electrónico').inputValue()).toBe('');
    expect(await link.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: 'Copiar enlace' }).click();
    await page.getByText('El enlace se ha copiado.').waitFor();
    await expectNoAxeViolations(page);
    await screenshot(page, 'admin-invitation-created-es-laptop');

    await page.goto(`/programs/${programId}`);
    await page.getByRole('button', { name: 'Editar detalles' }).click();
    await page.getByLabel('Países').fill('GT, HN');
    await page.getByRole('button', { name: 'Guardar detalles' }).click();
    await page.getByText('Los detalles del programa se han guardado.').waitFor();
    expect(await page.getByText('Honduras').count()).toBeGreaterThan(0);
    await context.close();
  });

  for (const [locale, size] of [
    ['en', 'laptop'],
    ['es', 'tablet'],
  ] as const) {
    it(`offers a coordinator only their programs' organizations when inviting (${locale}, ${size})`, async () => {
      const coordinator = await createPersonOn(server, {
        programId,
        relation: 'lead',
        coordinator: true,
      });
      const stranger = await createPersonOn(server);
      const organizations = OrganizationsSchema.parse(
        await (await fetchAs(server, admin, '/api/organizations')).json(),
      ).data;
      // Named in the reader's language: a Spanish coordinator reads the Spanish names.
      const nameOf = (id: string) => organizations.find((o) => o.id === id)!.name[locale];
      const context = await contextFor(browser, server, coordinator, {
        locale,
        viewport: Viewports[size],
      });
      const page = await context.newPage();
      await page.goto('/invite-people');
      const select = page.getByRole('combobox', {
        name: locale === 'en' ? 'Organization' : 'Organización',
      });
      await select.waitFor();
      const offered = await select.locator('option').allTextContents();
      expect(offered).toContain(nameOf(coordinator.organizationId));
      expect(offered).not.toContain(nameOf(stranger.organizationId));
      expect(offered.length).toBeLessThan(organizations.length);
      const roles = await page
        .getByRole('combobox', { name: locale === 'en' ? 'Role' : 'Rol' })
        .locator('option')
        .count();
      expect(roles).toBe(2);
      await page.waitForFunction(() => !document.querySelector('.loading-state'));
      await expectNoAxeViolations(page);
      await screenshot(page, `invite-people-coordinator-${locale}-${size}`);
      await context.close();
    });
  }

  // At phone width the same pages (and the signed-out ones) are checked with axe, target size
  // included, by narrow-screens.test.ts.
  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of [
      ['laptop', Viewports.laptop],
      ['tablet', Viewports.tablet],
    ] as const) {
      it(`passes axe on sign-in, profile and admin pages (${locale}, ${size})`, async () => {
        const signedOut = await contextFor(browser, server, null, { locale, viewport });
        const page = await signedOut.newPage();
        await page.goto('/sign-in');
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectNoAxeViolations(page);
        await screenshot(page, `sign-in-${locale}-${size}`);
        await signedOut.close();

        const context = await contextFor(browser, server, admin, { locale, viewport });
        const adminPage = await context.newPage();
        for (const [path, name] of [
          ['/profile', 'profile'],
          ['/admin/people', 'admin-people'],
          ['/admin/invitations', 'admin-invitations'],
          [`/admin/programs/${programId}`, 'admin-program-access'],
          ['/admin/organizations', 'admin-organizations'],
        ] as const) {
          await adminPage.goto(path);
          await adminPage.getByRole('heading', { level: 1 }).waitFor();
          // Settled: no loading indicator left (a lazy page's fallback and the page's own may
          // briefly be there together).
          await adminPage.waitForFunction(() => !document.querySelector('.loading-state'));
          await expectNoAxeViolations(adminPage);
          await screenshot(adminPage, `${name}-${locale}-${size}`);
        }
        await context.close();
      });
    }
  }
});

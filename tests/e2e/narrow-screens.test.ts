import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { InvitationCreatedReplySchema } from '@mesa/shared';
import { startServer, startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { layoutProblems } from '../helpers/layout.js';

type Locale = 'en' | 'es';

const Labels = {
  en: {
    menu: 'Menu',
    portfolio: 'Portfolio',
    admin: 'Administration',
    profile: 'Profile',
    signOut: 'Sign out',
    online: /Online now/,
    editDetails: 'Edit details',
    editHeading: 'Edit program details',
  },
  es: {
    menu: 'Menú',
    portfolio: 'Cartera',
    admin: 'Administración',
    profile: 'Perfil',
    signOut: 'Cerrar sesión',
    online: /En línea/,
    editDetails: 'Editar detalles',
    editHeading: 'Editar los detalles del programa',
  },
} as const;

// The collapsed header of a phone: the brand and the Menu button on one line.
const MAX_COLLAPSED_HEADER_PX = 80;

/** Waits until a page has its heading and nothing is loading any more. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.loading-state'));
}

/** What a phone user relies on for one page: no sideways scroll, nothing cut off, axe clean. */
async function expectUsable(page: Page, where: string): Promise<void> {
  expect(await layoutProblems(page), where).toEqual([]);
  // WCAG 2.2 AA target size (24 px, or spaced so) as well as the usual WCAG 2.1 AA rules.
  expect(await runAxe(page, { targetSize: true }), where).toEqual([]);
}

async function headerHeight(page: Page): Promise<number> {
  return page.locator('.site-header').evaluate((node) => node.getBoundingClientRect().height);
}

describe('narrow screens', () => {
  let server: TestServer;
  let empty: TestServer;
  let browser: Browser;
  let admin: TestPerson;
  let programId: string;
  let setupToken: string;
  let invitationPath: string;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson | null,
    locale: Locale,
    viewport: { width: number; height: number } = Viewports.phone,
  ) {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    // A workspace nobody has joined yet, for the setup page and its form.
    const lines: string[] = [];
    empty = await startServer({ app: { announce: (line) => lines.push(line) } });
    const token = /\/setup\/([\w-]+)/.exec(lines.join('\n'))?.[1];
    if (!token) throw new Error(`no setup link among ${JSON.stringify(lines)}`);
    setupToken = token;

    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin', name: 'Ada Admin' });
    // Rows in every administration list: a relation, a coordinator, a pending invitation.
    const coordinator = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      programId,
      coordinator: true,
      name: 'Carla Coordinadora',
    });
    const res = await fetchAs(server, admin, '/api/invitations', {
      method: 'POST',
      body: JSON.stringify({
        email: 'invitada.con.un.correo.largo@ministerio.example.org',
        role: 'member',
        organizationId: coordinator.organizationId,
      }),
    });
    expect(res.status).toBe(201);
    const invitation = InvitationCreatedReplySchema.parse(await res.json()).invitation;
    invitationPath = new URL(invitation.url).pathname;
    // A saved version of the plan, listed with its buttons on the program page.
    const version = await fetchAs(server, admin, `/api/programs/${programId}/plan/versions`, {
      method: 'POST',
      body: JSON.stringify({ name: 'Borrador enviado a los donantes de la cooperación' }),
    });
    expect(version.status).toBe(201);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await empty?.close();
  });

  for (const locale of ['en', 'es'] as const) {
    it(`fits the signed-out pages on a phone (${locale})`, async () => {
      const page = await open(null, locale);
      for (const path of ['/sign-in', invitationPath]) {
        await page.goto(path);
        await settled(page);
        expect(await headerHeight(page), path).toBeLessThanOrEqual(MAX_COLLAPSED_HEADER_PX);
        await expectUsable(page, path);
      }
      const setupContext = await contextFor(browser, empty, null, {
        locale,
        viewport: Viewports.phone,
      });
      contexts.push(setupContext);
      const setup = await setupContext.newPage();
      await setup.goto(`/setup/${setupToken}`);
      await settled(setup);
      // The form, not "this link no longer works".
      await setup.locator('input[type="password"]').first().waitFor();
      await expectUsable(setup, 'setup');
      await screenshot(setup, `narrow-setup-${locale}-phone`);
    });

    it(`fits every page an administrator opens on a phone (${locale})`, async () => {
      const page = await open(admin, locale);
      const paths = [
        '/',
        `/programs/${programId}`,
        '/programs/new',
        '/profile',
        '/invite-people',
        '/admin/organizations',
        '/admin/people',
        '/admin/invitations',
        '/admin/programs',
        `/admin/programs/${programId}`,
        '/no/such/page',
      ];
      for (const path of paths) {
        await page.goto(path);
        await settled(page);
        expect(await headerHeight(page), path).toBeLessThanOrEqual(MAX_COLLAPSED_HEADER_PX);
        await expectUsable(page, path);
      }
      await page.goto(`/programs/${programId}`);
      await page.locator('.versions__item').waitFor();
      await expectUsable(page, 'plan versions');
      await screenshot(page, `narrow-program-${locale}-phone`);
      // Editing a program's details, on its page.
      await page.goto(`/programs/${programId}`);
      await page.getByRole('button', { name: Labels[locale].editDetails }).click();
      await page.getByRole('heading', { name: Labels[locale].editHeading }).waitFor();
      await expectUsable(page, 'edit details');
      await screenshot(page, `narrow-program-edit-${locale}-phone`);
    });

    it(`opens and closes the phone menu by keyboard (${locale})`, async () => {
      const labels = Labels[locale];
      const page = await open(admin, locale);
      await page.goto('/');
      await settled(page);
      const button = page.getByRole('button', { name: labels.menu, exact: true });
      const panelId = await button.getAttribute('aria-controls');
      const panel = page.locator(`[id="${panelId}"]`);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);

      await button.focus();
      await page.keyboard.press('Enter');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const nav = panel.getByRole('navigation');
      await nav.getByRole('link', { name: labels.portfolio }).waitFor();
      expect(await nav.getByRole('link', { name: labels.admin }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: labels.online }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: 'Español' }).count()).toBe(1);
      expect(await panel.getByRole('link', { name: labels.profile }).count()).toBe(1);
      expect(await panel.getByRole('button', { name: labels.signOut }).count()).toBe(1);
      // The panel follows the button: Tab goes into it.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(labels.portfolio);
      await expectUsable(page, 'open menu');
      await screenshot(page, `narrow-menu-open-${locale}-phone`);

      await page.keyboard.press('Escape');
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await panel.isVisible()).toBe(false);
      expect(await button.evaluate((node) => node === document.activeElement)).toBe(true);

      // Following a link closes it.
      await page.keyboard.press('Space');
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: labels.admin }).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL('**/admin/organizations');
      await settled(page);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      expect(await headerHeight(page)).toBeLessThanOrEqual(MAX_COLLAPSED_HEADER_PX);
    });
  }

  it('keeps the live connection when a phone turns sideways past the menu breakpoint', async () => {
    const page = await open(admin, 'en');
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto('/');
    await settled(page);
    await page.locator('.live-indicator--live').waitFor({ state: 'attached' });
    await page.setViewportSize({ width: 844, height: 390 });
    await page.getByRole('button', { name: /Ada Admin/ }).waitFor();
    await page.locator('.live-indicator--live').waitFor();
    await page.setViewportSize(Viewports.phone);
    await page.getByRole('button', { name: 'Menu', exact: true }).waitFor();
    expect(sockets.filter((url) => url.includes('/socket.io/'))).toHaveLength(1);
  });

  it('keeps an administration table a table for screen readers when its rows stack', async () => {
    const page = await open(admin, 'en');
    await page.goto('/admin/people');
    await settled(page);
    // Chromium's own accessibility tree, not a re-computation from the DOM.
    const session = await page.context().newCDPSession(page);
    const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
      nodes: { role?: { value?: string }; name?: { value?: string } }[];
    };
    const roles = nodes.map((node) => node.role?.value);
    expect(roles).toContain('table');
    expect(roles).toContain('columnheader');
    expect(roles.filter((role) => role === 'cell').length).toBeGreaterThanOrEqual(4);
    const headers = nodes.filter((node) => node.role?.value === 'columnheader');
    expect(headers.map((node) => node.name?.value)).toEqual(
      expect.arrayContaining(['Person', 'Organization', 'Role', 'Status']),
    );
  });

  for (const locale of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`shows the portfolio, an administration table and the menu (${locale}, ${size})`, async () => {
        const page = await open(admin, locale, viewport);
        for (const [path, name] of [
          ['/', 'portfolio'],
          ['/admin/people', 'admin-people'],
        ] as const) {
          await page.goto(path);
          await settled(page);
          expect(await layoutProblems(page), `${path} ${size}`).toEqual([]);
          await screenshot(page, `narrow-${name}-${locale}-${size}`);
        }
        // The phone's Menu, or on wider screens the account menu of the flat header.
        const menu =
          size === 'phone'
            ? page.getByRole('button', { name: Labels[locale].menu, exact: true })
            : page.getByRole('button', { name: /Ada Admin/ });
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await screenshot(page, `narrow-menu-${locale}-${size}`);
        // The account menu is a popover over the page; the targets it covers while open are not
        // in use then, so target size is checked with it open only on the phone (in the flow).
        expect(await runAxe(page, { targetSize: size === 'phone' })).toEqual([]);
        if (size !== 'phone') {
          // Wide enough for the flat header: Administration is in the main navigation.
          const nav = page.getByRole('navigation', {
            name: /Main navigation|Navegación principal/,
          });
          expect(await nav.getByRole('link', { name: Labels[locale].admin }).count()).toBe(1);
        }
      });
    }
  }
});

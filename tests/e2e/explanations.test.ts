// The right explanation for each person who may not do something on a program: a viewer of a
// partner organization, a member of an observer organization, and a person of an organization
// without relation — who gets a calm explanation that names nobody on the program.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';

const locales = ['en', 'es'] as const;
type Locale = (typeof locales)[number];

const words = {
  en: {
    viewer: 'Your account has a read-only role',
    observer: 'Your organization is an observer on this program',
    partnerWording: 'Only organizations leading or partnering',
    noAccess: 'You do not have access to this program',
    perOrganization: 'Access to a program is given per organization',
    back: 'Back to the portfolio',
    adminInvite: 'As a workspace administrator you can invite anyone',
    coordinatorWording: /coordinator/i,
  },
  es: {
    viewer: 'Su cuenta tiene un rol de solo lectura',
    observer: 'Su organización es observadora en este programa',
    partnerWording: 'Solo las organizaciones líderes o socias',
    noAccess: 'No tiene acceso a este programa',
    perOrganization: 'El acceso a un programa se da por organización',
    back: 'Volver a la cartera',
    adminInvite: 'Como administrador del espacio puede invitar a cualquier persona',
    coordinatorWording: /coordinador/i,
  },
} as const;

describe('explanations of what a person may not do', () => {
  let server: TestServer;
  let browser: Browser;
  let programId: string;
  let coordinator: TestPerson;
  let partner: TestPerson;
  let admin: TestPerson;
  const people = {} as Record<Locale, Record<'viewer' | 'observer' | 'outsider', TestPerson>>;

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    coordinator = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      coordinator: true,
      programId,
      name: 'Carmen Coordinadora',
    });
    partner = await createPersonOn(server, { role: 'member', relation: 'partner', programId });
    admin = await createPersonOn(server, { role: 'admin' });
    for (const locale of locales) {
      people[locale] = {
        // A viewer in the partner organization itself: the relation would allow editing.
        viewer: await createPersonOn(server, {
          role: 'viewer',
          organizationId: partner.organizationId,
          locale,
        }),
        observer: await createPersonOn(server, {
          role: 'member',
          relation: 'observer',
          programId,
          locale,
        }),
        outsider: await createPersonOn(server, { role: 'member', relation: null, locale }),
      };
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(
    person: TestPerson,
    locale: Locale,
    viewport: { width: number; height: number },
  ) {
    const context = await contextFor(browser, server, person, { locale, viewport });
    const page = await context.newPage();
    await page.goto(`/programs/${programId}`);
    return page;
  }

  async function expectNoAxeViolations(page: Page) {
    await page.waitForFunction(() => !document.querySelector('.loading-state'));
    expect(await runAxe(page)).toEqual([]);
  }

  for (const locale of locales) {
    for (const [size, viewport] of Object.entries(Viewports)) {
      it(`tells a partner organization's viewer that the read-only role is why (${locale}, ${size})`, async () => {
        const page = await open(people[locale].viewer, locale, viewport);
        const notice = page.locator('.plan__notice');
        await notice.waitFor({ timeout: 20_000 });
        expect(await notice.textContent()).toContain(words[locale].viewer);
        expect(await page.getByText(words[locale].partnerWording).count()).toBe(0);
        expect(
          await page.locator('[contenteditable="true"]:not([aria-readonly="true"])').count(),
        ).toBe(0);
        await expectNoAxeViolations(page);
        await screenshot(page, `explain-viewer-${locale}-${size}`);
        await page.context().close();
      });

      it(`tells an observer organization's member that the observer relation is why (${locale}, ${size})`, async () => {
        const page = await open(people[locale].observer, locale, viewport);
        const notice = page.locator('.plan__notice');
        await notice.waitFor({ timeout: 20_000 });
        expect(await notice.textContent()).toContain(words[locale].observer);
        await expectNoAxeViolations(page);
        await screenshot(page, `explain-observer-${locale}-${size}`);
        await page.context().close();
      });

      it(`explains calmly to a person without relation how access is given, naming nobody (${locale}, ${size})`, async () => {
        const page = await open(people[locale].outsider, locale, viewport);
        await page
          .getByRole('heading', { level: 1, name: words[locale].noAccess })
          .waitFor({ timeout: 20_000 });
        const text = await page.locator('main').innerText();
        expect(text).toContain(words[locale].perOrganization);
        // Calm, not an error: no red block, nothing announced as an alert.
        expect(await page.locator('.error-state, [role="alert"]').count()).toBe(0);
        // Nothing inside the program: not its organizations, not its coordinator, not its plan.
        const body = await page.locator('body').innerText();
        expect(body).not.toContain(coordinator.name);
        expect(body).not.toContain(coordinator.organizationId);
        expect(body).not.toContain(partner.organizationId);
        expect(await page.locator('[data-slot="plan"]').count()).toBe(0);
        expect(
          await page.getByRole('link', { name: words[locale].back }).getAttribute('href'),
        ).toBe('/');
        await expectNoAxeViolations(page);
        await screenshot(page, `explain-no-access-${locale}-${size}`);
        await page.context().close();
      });

      it(`tells an administrator on "Invite people" what an administrator may do, not a coordinator (${locale}, ${size})`, async () => {
        const context = await contextFor(browser, server, admin, { locale, viewport });
        const page = await context.newPage();
        await page.goto('/invite-people');
        await page.getByText(words[locale].adminInvite).waitFor({ timeout: 20_000 });
        const header = await page.locator('.page-header').innerText();
        expect(header).not.toMatch(words[locale].coordinatorWording);
        await expectNoAxeViolations(page);
        await screenshot(page, `explain-invite-admin-${locale}-${size}`);
        await context.close();
      });
    }
  }
});

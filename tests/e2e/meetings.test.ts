import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { MeetingSchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { join } from 'node:path';
import {
  contextFor,
  launchBrowser,
  runAxe,
  screenshot,
  SCREENSHOT_DIR,
  Viewports,
} from '../helpers/browser.js';

/**
 * A chaired meeting in three browsers: the chair (English, laptop) and two delegates (Ana in
 * English on a tablet, Luis in Spanish on a laptop). The chair starts and advances, both
 * delegates ask for the floor, the chair gives it, records a decision and an action item, ends
 * the meeting and publishes the record, which both delegates read.
 */
describe('a live meeting in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let chair: TestPerson;
  let ana: TestPerson;
  let luis: TestPerson;
  let meetingId: string;
  const contexts: BrowserContext[] = [];

  async function open(
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
  ): Promise<Page> {
    const context = await contextFor(browser, server, person, { locale, viewport });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`/meetings/${meetingId}`);
    await room(page)
      .getByRole('status')
      .filter({ hasText: /^(Online|En línea)$/ })
      .waitFor();
    return page;
  }

  const room = (page: Page): Locator => page.locator('section.room');

  async function expectAxeClean(page: Page): Promise<void> {
    expect(await runAxe(page)).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    const programId = await aProgramId(server);
    chair = await createPersonOn(server, {
      relation: 'lead',
      programId,
      coordinator: true,
      name: 'Marta Chair',
    });
    ana = await createPersonOn(server, { relation: 'partner', programId, name: 'Ana Morales' });
    luis = await createPersonOn(server, {
      relation: 'partner',
      programId,
      name: 'Luis Pérez',
      locale: 'es',
    });
    const startsAt = new Date(Date.now() + 3_600_000);
    const res = await fetchAs(server, chair, '/api/meetings', {
      method: 'POST',
      body: JSON.stringify({
        title: { en: 'Security coordination', es: 'Coordinación de seguridad' },
        programIds: [programId],
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        chairId: chair.userId,
        speakerMinutes: 3,
        agenda: [
          { title: { en: 'Opening', es: 'Apertura' }, kind: 'information', plannedMinutes: 5 },
          {
            title: { en: 'Budget 2027', es: 'Presupuesto 2027' },
            kind: 'decision',
            plannedMinutes: 20,
          },
          { title: { en: 'Closing', es: 'Cierre' }, kind: 'discussion', plannedMinutes: 5 },
        ],
      }),
    });
    expect(res.status).toBe(201);
    meetingId = MeetingSchema.parse(((await res.json()) as { meeting: unknown }).meeting).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('runs from the start to the published record with a chair and two delegates', async () => {
    const marta = await open(chair, 'en', Viewports.laptop);
    const anaPage = await open(ana, 'en', Viewports.tablet);
    const luisPage = await open(luis, 'es', Viewports.laptop);

    // Before the start only the chair may start it; the delegates wait.
    await room(anaPage).getByText('Waiting for the chair to start it.', { exact: false }).waitFor();
    expect(await room(anaPage).getByRole('button', { name: 'Start the meeting' }).count()).toBe(0);
    await room(marta).getByRole('button', { name: 'Start the meeting' }).click();
    await room(anaPage).getByText('Item 1 of 3').waitFor();
    await room(luisPage).getByText('Punto 1 de 3').waitFor();

    // The chair advances: everyone sees the second item, in their own language.
    await room(marta).getByRole('button', { name: 'Next item' }).click();
    await room(anaPage).getByText('Item 2 of 3').waitFor();
    await room(luisPage).getByText('Presupuesto 2027').waitFor();
    expect(await room(anaPage).getByRole('timer').first().textContent()).toMatch(
      /^\d\d:\d\d left$/,
    );

    // Both delegates ask for the floor, Ana first; the chair sees them in that order.
    await room(anaPage).getByRole('button', { name: 'Ask for the floor' }).click();
    await room(anaPage).getByText('You are number 1 on the list.').waitFor();
    await room(luisPage).getByRole('button', { name: 'Pedir la palabra' }).click();
    await room(luisPage).getByText('Usted es el número 2 de la lista.').waitFor();
    const queue = room(marta).getByRole('list', { name: 'List of speakers' });
    await queue.getByRole('listitem').nth(1).waitFor();
    const names = await queue.locator('.room-queue__name').allTextContents();
    expect(names).toEqual(['Ana Morales', 'Luis Pérez']);

    await expectAxeClean(marta);
    await expectAxeClean(anaPage);
    await expectAxeClean(luisPage);
    await screenshot(marta, 'meetings-room-chair-en-laptop');
    await screenshot(anaPage, 'meetings-room-delegate-en-tablet');
    // The chair's controls on a phone: every action still reachable, nothing cut off.
    await marta.setViewportSize(Viewports.phone);
    await room(marta).getByRole('button', { name: 'Move Luis Pérez up' }).focus();
    await marta.keyboard.press('Enter');
    await room(marta).getByRole('button', { name: 'Move Luis Pérez down' }).waitFor();
    expect(await queue.locator('.room-queue__name').allTextContents()).toEqual([
      'Luis Pérez',
      'Ana Morales',
    ]);
    // Focus stays on the moved entry's button (put back in the frame after the re-render, so
    // waited for, not read at once), and the move is announced.
    await marta.waitForFunction(
      () => document.activeElement?.getAttribute('aria-label') === 'Move Luis Pérez down',
      undefined,
      { timeout: 5000 },
    );
    await room(marta).getByText('Luis Pérez moved to place 1 of 2.').waitFor({ state: 'attached' });
    await room(marta).screenshot({
      path: join(SCREENSHOT_DIR, 'meetings-room-chair-en-phone.png'),
    });
    await room(marta).getByRole('button', { name: 'Move Luis Pérez down' }).click();
    await queue.locator('.room-queue__name').first().filter({ hasText: 'Ana Morales' }).waitFor();
    await marta.setViewportSize(Viewports.laptop);

    // The chair gives Ana the floor: announced to everyone, Luis now first in the list.
    await room(marta).getByRole('button', { name: 'Give the floor to Ana Morales' }).click();
    await room(anaPage).getByText('You have the floor.').waitFor();
    await room(luisPage)
      .locator('.room-speaker__who')
      .filter({ hasText: 'Ana Morales' })
      .filter({ hasText: 'tiene la palabra' })
      .waitFor();
    await room(luisPage).getByText('Usted es el número 1 de la lista.').waitFor();
    await screenshot(luisPage, 'meetings-room-delegate-es-laptop');
    await luisPage.setViewportSize(Viewports.tablet);
    await expectAxeClean(luisPage);
    await screenshot(luisPage, 'meetings-room-delegate-es-tablet');

    // The chair marks Ana's delegation present; everyone sees the mark.
    const anaDelegation = (page: Page) =>
      room(page).locator('.room-attendance__delegation').filter({ hasText: 'Ana Morales' });
    const present = anaDelegation(marta).getByRole('button', { name: 'Present' });
    await present.click();
    await anaDelegation(marta).locator('button[aria-pressed="true"]').waitFor();
    expect(await present.getAttribute('aria-pressed')).toBe('true');
    await anaDelegation(anaPage)
      .locator('.room-attendance__mark', { hasText: 'Present' })
      .waitFor();
    await anaDelegation(luisPage)
      .locator('.room-attendance__mark', { hasText: 'Presente' })
      .waitFor();

    // A decision and an action item, recorded by the chair against the current item.
    const decision = marta.locator('form').filter({
      has: marta.getByRole('heading', { name: 'Record a decision' }),
    });
    await decision.getByLabel('Text in English').fill('The 2027 budget is approved.');
    await decision.getByLabel('Text in Spanish').fill('Se aprueba el presupuesto 2027.');
    await decision.getByRole('button', { name: 'Record the decision' }).click();
    await decision.getByText('Decision recorded.').waitFor();
    const action = marta.locator('form').filter({
      has: marta.getByRole('heading', { name: 'Record an action item' }),
    });
    await action.getByLabel('Text in English').fill('Circulate the budget annex.');
    await action.getByLabel('Text in Spanish').fill('Circular el anexo del presupuesto.');
    await action.getByLabel('Due date').fill('2027-02-15');
    await action.getByRole('button', { name: 'Record the action item' }).click();
    await action.getByText('Action item recorded.').waitFor();
    await luisPage.getByText('Se aprueba el presupuesto 2027.').first().waitFor();

    // The chair ends the meeting (confirmed); everyone sees it ended.
    await room(marta).getByRole('button', { name: 'End the meeting' }).click();
    await room(marta).getByRole('button', { name: 'Yes, end the meeting' }).click();
    await room(anaPage)
      .getByText(/^Ended at \d\d:\d\d\.$/)
      .waitFor();
    await room(luisPage)
      .getByText(/^Terminó a las \d\d:\d\d\.$/)
      .waitFor();
    await expectAxeClean(anaPage);

    // The chair publishes; both delegates read the frozen record in their language.
    await marta.getByRole('button', { name: 'Publish the record' }).click();
    await marta.getByRole('button', { name: 'Yes, publish' }).click();
    await marta.getByRole('link', { name: 'Read the published record' }).click();
    await marta.getByText('The 2027 budget is approved.').first().waitFor();
    await marta.getByText('Circulate the budget annex.').first().waitFor();
    // Attendance by delegation: the chair's mark and who was in the room.
    const anaRow = marta.getByRole('row').filter({ hasText: 'Ana Morales' });
    expect(await anaRow.textContent()).toContain('Present');
    await expectAxeClean(marta);
    await screenshot(marta, 'meetings-record-en-laptop');
    await luisPage.goto(`/meetings/${meetingId}/record`);
    await luisPage.getByText('Se aprueba el presupuesto 2027.').first().waitFor();
    await luisPage.getByText('Circular el anexo del presupuesto.').first().waitFor();
    await expectAxeClean(luisPage);
    await screenshot(luisPage, 'meetings-record-es-tablet');
  });
});

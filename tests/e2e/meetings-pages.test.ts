import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { MeetingReplySchema, ProgramReplySchema } from '@mesa/shared';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { launchBrowser, openPage, runAxe, screenshot, Viewports } from '../helpers/browser.js';

// The meetings pages with the real server: a coordinator creates a meeting through the form by
// keyboard, reorders a meeting's agenda by keyboard (dnd-kit's keyboard sensor) and saves it,
// finds it on the list; axe finds nothing; screenshots in English and Spanish at 1280/768/390.
describe('meetings pages in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let coordinator: TestPerson;
  let partner: TestPerson;
  let programId: string;
  let programLabel: string;
  let meetingId: string;
  const contexts: BrowserContext[] = [];

  const open = (
    person: TestPerson,
    locale: 'en' | 'es',
    viewport: { width: number; height: number },
    path: string,
  ) => openPage(browser, server, contexts, person, { locale, viewport }, path);

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    programId = await aProgramId(server);
    coordinator = await createPersonOn(server, {
      relation: 'lead',
      programId,
      coordinator: true,
      name: 'Ana Morales',
    });
    partner = await createPersonOn(server, {
      relation: 'partner',
      programId,
      name: 'Kenji Sato',
      locale: 'es',
    });
    for (const [person, timeZone] of [
      [coordinator, 'America/New_York'],
      [partner, 'Asia/Tokyo'],
    ] as const) {
      const res = await fetchAs(server, person, '/api/me', {
        method: 'PATCH',
        body: JSON.stringify({ timeZone }),
      });
      expect(res.status).toBe(200);
    }
    const program = ProgramReplySchema.parse(
      await (await fetchAs(server, coordinator, `/api/programs/${programId}`)).json(),
    ).program;
    programLabel = program.code ? `${program.code} · ${program.titleEn}` : program.titleEn;
    const res = await fetchAs(server, coordinator, '/api/meetings', {
      method: 'POST',
      body: JSON.stringify({
        title: { en: 'Quarterly coordination', es: 'Coordinación trimestral' },
        programIds: [programId],
        startsAt: '2099-03-10T18:00:00Z',
        endsAt: '2099-03-10T20:00:00Z',
        location: 'San Salvador, room 2',
        callUrl: 'https://meet.example.org/quarterly',
        chairId: coordinator.userId,
        agenda: ['Opening', 'Budget', 'Closing'].map((title) => ({
          title: { en: title, es: `${title} (es)` },
          kind: 'discussion',
          plannedMinutes: 20,
        })),
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    meetingId = MeetingReplySchema.parse(await res.json()).meeting.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.close();
  });

  it('creates a meeting through the form by keyboard and lists it', async () => {
    const page = await open(coordinator, 'en', Viewports.laptop, '/meetings/new');
    await page.getByLabel('Title in English').first().focus();
    await page.keyboard.type('Budget review');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Revisión del presupuesto');
    await page.getByRole('checkbox', { name: programLabel, exact: true }).focus();
    await page.keyboard.press('Space');
    // A coordinator may chair a meeting of their program: they are proposed once it is ticked.
    await page.getByRole('option', { name: 'Ana Morales' }).waitFor({ state: 'attached' });
    await page.getByLabel('Start time', { exact: false }).focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('09:30');
    // 09:30 in New York on a winter day is 14:30 UTC; the form says so before sending.
    await page.getByText(/^In UTC: \d{4}-\d{2}-\d{2} 14:30 – /).waitFor();
    await page.getByRole('button', { name: 'Add an item' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.type('Figures');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Cifras');
    expect(await runAxe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create the meeting' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Budget review' }).waitFor();
    await page.getByText('in your time zone (America/New_York', { exact: false }).waitFor();
    await page.getByText('Figures').first().waitFor();

    await page.getByRole('link', { name: 'Meetings' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Meetings' }).waitFor();
    await page.getByRole('link', { name: 'Budget review' }).waitFor();
    await page.getByRole('link', { name: 'Quarterly coordination' }).waitFor();
    expect(await runAxe(page)).toEqual([]);
  });

  it('reorders the agenda by keyboard, saves it, and a participant reads it in Tokyo time', async () => {
    const page = await open(coordinator, 'en', Viewports.laptop, `/meetings/${meetingId}`);
    const handle = page.getByRole('button', { name: 'Move item 1 of 3: Opening' });
    await handle.focus();
    // Each step waits for its announcement, as a screen reader user hears it.
    const live = page.locator('[id^=DndLiveRegion]');
    await page.keyboard.press('Space');
    await live.getByText(/Opening.* position 1 of 3\.$/).waitFor({ state: 'attached' });
    // @dnd-kit's keyboard sensor starts listening for arrow keys in a timer it sets when the
    // drag starts (before the announcement above): a timer set now runs after it, so the arrow
    // key is not pressed before anyone listens (the flake of a loaded run).
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    await page.keyboard.press('ArrowDown');
    await live.getByText('Opening moved to position 2 of 3.').waitFor({ state: 'attached' });
    await page.keyboard.press('Space');
    await page.getByText('Opening dropped at position 2 of 3.').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Save the agenda' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Agenda saved.').waitFor();
    expect(await runAxe(page)).toEqual([]);

    const stored = MeetingReplySchema.parse(
      await (await fetchAs(server, coordinator, `/api/meetings/${meetingId}`)).json(),
    ).meeting;
    expect(stored.agenda.map((item) => item.title.en)).toEqual(['Budget', 'Opening', 'Closing']);

    const kenji = await open(partner, 'es', Viewports.tablet, `/meetings/${meetingId}`);
    // 18:00 UTC is 03:00 the next day in Tokyo.
    await kenji
      .getByText(/03:00–05:00/)
      .first()
      .waitFor();
    const items = kenji.locator('.agenda-list__title');
    expect(await items.allTextContents()).toEqual(['Budget (es)', 'Opening (es)', 'Closing (es)']);
    expect(await runAxe(kenji)).toEqual([]);
  });

  it('looks right in English and Spanish on a laptop, a tablet and a phone', async () => {
    for (const locale of ['en', 'es'] as const) {
      for (const [size, viewport] of Object.entries(Viewports)) {
        const page = await open(coordinator, locale, viewport, '/meetings');
        await page.locator('.meeting-item').first().waitFor();
        await screenshot(page, `meetings-list-${locale}-${size}`);
        await page.goto('/meetings/new');
        await page.locator('.meeting-form').waitFor();
        await screenshot(page, `meetings-form-${locale}-${size}`);
        await page.goto(`/meetings/${meetingId}`);
        await page.locator('.agenda-editor__item').first().waitFor();
        await screenshot(page, `meetings-page-${locale}-${size}`);
        expect(await runAxe(page)).toEqual([]);
        await page.context().close();
      }
    }
  });
});

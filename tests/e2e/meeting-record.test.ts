import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startServerOnOwnOrigin, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { contextFor, launchBrowser, runAxe, screenshot, Viewports } from '../helpers/browser.js';
import { connectEditor, planText, typeParagraph, waitFor } from '../helpers/collab.js';
import { insertMeeting, setMeetingState } from '../helpers/minutes.js';

const TEXT = {
  en: {
    minutes: 'Minutes',
    attendance: 'Attendance by delegation',
    decisions: 'Decisions',
    actions: 'Action items',
    addenda: 'Addenda',
    download: 'Download Markdown',
    print: 'Print',
    present: 'Present',
    open: 'Open',
    addLabel: 'Add an addendum',
    add: 'Add addendum',
  },
  es: {
    minutes: 'Acta',
    attendance: 'Asistencia por delegación',
    decisions: 'Decisiones',
    actions: 'Acciones',
    addenda: 'Adendas',
    download: 'Descargar Markdown',
    print: 'Imprimir',
    present: 'Presente',
    open: 'Abierta',
    addLabel: 'Añadir una adenda',
    add: 'Añadir adenda',
  },
} as const;

async function expectNoAxeViolations(page: Page) {
  expect(await runAxe(page)).toEqual([]);
}

describe('the published record page', () => {
  let server: TestServer;
  let browser: Browser;
  let chair: TestPerson;
  let rapporteur: TestPerson;
  let delegate: TestPerson;
  let meetingId: string;

  beforeAll(async () => {
    server = await startServerOnOwnOrigin();
    browser = await launchBrowser();
    chair = await createPersonOn(server, { name: 'Carmen Chair', locale: 'es' });
    rapporteur = await createPersonOn(server, { name: 'Rita Rapporteur' });
    delegate = await createPersonOn(server, { name: 'Dana Delegate' });
    const db = server.app.ctx.db;
    await db
      .updateTable('users')
      .set({ time_zone: 'America/Guatemala' })
      .where('id', 'in', [chair.userId, rapporteur.userId, delegate.userId])
      .execute();
    meetingId = await insertMeeting(server, {
      chair,
      organizations: [rapporteur.organizationId, delegate.organizationId],
      rapporteurs: [rapporteur],
      agenda: [
        { en: 'Budget review', es: 'Revisión del presupuesto', kind: 'decision' },
        { en: 'Field reports', es: 'Informes de campo', kind: 'information' },
      ],
    });
    await setMeetingState(server, meetingId, 'live');
    const editor = connectEditor(server, rapporteur, `minutes:${meetingId}`, { ack: true });
    await waitFor(() => editor.provider.synced && planText(editor.doc).includes('Budget'));
    typeParagraph(editor.doc, 'The budget for 2031 was approved with one change to the pilot.');
    await waitFor(() => editor.saved());
    editor.destroy();
    const at = new Date().toISOString();
    await db
      .updateTable('meeting_organizations')
      .set({ attendance: 'present' })
      .where('meeting_id', '=', meetingId)
      .execute();
    await db
      .insertInto('meeting_attendance')
      .values({
        id: `att${meetingId}`,
        meeting_id: meetingId,
        user_id: delegate.userId,
        organization_id: delegate.organizationId,
        joined_at: '2030-03-10T15:02:00.000Z',
        left_at: '2030-03-10T16:40:00.000Z',
      })
      .execute();
    await db
      .insertInto('meeting_decisions')
      .values({
        id: `dec${meetingId}`,
        meeting_id: meetingId,
        agenda_item_id: null,
        program_id: null,
        text_en: 'Approve the 2031 budget',
        text_es: 'Aprobar el presupuesto de 2031',
        recorded_by: rapporteur.userId,
        recorded_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('action_items')
      .values({
        id: `act${meetingId}`,
        meeting_id: meetingId,
        agenda_item_id: null,
        program_id: null,
        text_en: 'Send the revised budget to donors',
        text_es: 'Enviar el presupuesto revisado a los donantes',
        owner_organization_id: delegate.organizationId,
        owner_user_id: delegate.userId,
        due_date: '2031-04-01',
        status: 'open',
        created_by: rapporteur.userId,
        created_at: at,
        updated_at: at,
        status_changed_by: null,
        status_changed_at: null,
      })
      .execute();
    await setMeetingState(server, meetingId, 'ended');
    const res = await fetchAs(server, chair, `/api/meetings/${meetingId}/publish`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['en', 'es'] as const) {
    it(`shows the frozen record in ${locale}, accessible at every width`, async () => {
      const reader = locale === 'es' ? chair : delegate;
      const text = TEXT[locale];
      for (const [name, viewport] of Object.entries(Viewports)) {
        const context = await contextFor(browser, server, reader, { locale, viewport });
        const page = await context.newPage();
        await page.goto(`/meetings/${meetingId}/record`);
        await page.getByRole('heading', { level: 2, name: text.attendance }).waitFor();
        for (const heading of [text.minutes, text.decisions, text.actions, text.addenda])
          await page.getByRole('heading', { level: 2, name: heading }).waitFor();
        await page.getByText('The budget for 2031 was approved').waitFor();
        await page.getByRole('cell', { name: text.present }).first().waitFor();
        await page.getByRole('cell', { name: text.open }).waitFor();
        const href = await page.getByRole('link', { name: text.download }).getAttribute('href');
        expect(href).toBe(`/api/meetings/${meetingId}/record.md?lang=${locale}`);
        await page.getByRole('button', { name: text.print }).waitFor();
        // The delegate is not an officer: no addendum form.
        expect(await page.getByLabel(text.addLabel).count()).toBe(locale === 'es' ? 1 : 0);
        await expectNoAxeViolations(page);
        await screenshot(page, `meeting-record-${locale}-${name}`);
        await context.close();
      }
    });
  }

  it('lets an officer add an addendum, shown with author and date', async () => {
    const context = await contextFor(browser, server, rapporteur, { locale: 'en' });
    const page = await context.newPage();
    await page.goto(`/meetings/${meetingId}/record`);
    await page.getByLabel(TEXT.en.addLabel).fill('The pilot is in Honduras, not Guatemala.');
    await page.getByRole('button', { name: TEXT.en.add }).click();
    await page.getByText('The pilot is in Honduras, not Guatemala.').waitFor();
    await page.getByText(/^Rita Rapporteur, /).waitFor();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: TEXT.en.print }).isVisible()).toBe(false);
    await screenshot(page, 'meeting-record-en-print');
    await context.close();
  });
});

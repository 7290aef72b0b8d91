import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { makeOrganization, makeProgram } from '../../test/fixtures';
import { stubFetch } from '../../test/fetchStub';
import { renderRoute } from '../../test/renderWithProviders';
import { makeRecord } from './fundingFixtures';
import { RecordEditForm } from './RecordEditForm';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const japan = makeOrganization({ id: 'org-jp', name: { en: 'Japan', es: 'Japón' } });

describe('RecordEditForm', () => {
  it('on a 409 shows the stored version, keeps the person’s changes and saves again on it', async () => {
    const record = makeRecord({ revision: 3 });
    const current = makeRecord({ revision: 4, descriptionEn: 'Changed by Luis' });
    const sent: unknown[] = [];
    const done = vi.fn();
    stubFetch({
      '/api/funding/records/rec-1': (init) => {
        const body = JSON.parse(init?.body as string) as { revision: number };
        sent.push(body);
        if (body.revision === 3) {
          return {
            status: 409,
            body: { error: { code: 'conflict', message: 'Changed meanwhile', current } },
          };
        }
        return { status: 200, body: { record: { ...current, revision: 5 } } };
      },
    });
    renderRoute(
      <RecordEditForm
        record={record}
        organizations={[japan]}
        programs={[makeProgram({ id: 'p-ba1' })]}
        anyDonor={false}
        ownOrganizationId="org-jp"
        onDone={done}
      />,
    );
    const description = screen.getByRole('textbox', { name: 'Description in English' });
    fireEvent.change(description, { target: { value: 'My better wording' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the details' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Someone changed this record while you were editing/);
    await waitFor(() => expect(document.activeElement).toBe(alert));
    expect(screen.getByRole('region', { name: 'The record as stored now' }).textContent).toContain(
      'Changed by Luis',
    );
    expect(description).toHaveProperty('value', 'My better wording');
    expect(done).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    await waitFor(() => expect(done).toHaveBeenCalledWith(true));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ revision: 4, descriptionEn: 'My better wording' });
  });

  it('lets the person take the current version instead', async () => {
    const current = makeRecord({ revision: 2, descriptionEn: 'Changed by Luis' });
    stubFetch({
      '/api/funding/records/rec-1': {
        status: 409,
        body: { error: { code: 'conflict', message: 'Changed meanwhile', current } },
      },
    });
    renderRoute(
      <RecordEditForm
        record={makeRecord()}
        organizations={[japan]}
        programs={[]}
        anyDonor={false}
        ownOrganizationId="org-jp"
        onDone={() => undefined}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save the details' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Use the current version' }));
    expect(screen.getByRole('textbox', { name: 'Description in English' })).toHaveProperty(
      'value',
      'Changed by Luis',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

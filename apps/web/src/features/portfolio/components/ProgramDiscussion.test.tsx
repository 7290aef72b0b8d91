import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { makeProgram } from '../../../test/fixtures';
import { ok, stubFetch } from '../../../test/fetchStub';
import { renderRoute } from '../../../test/renderWithProviders';
import { ProgramDiscussion } from './ProgramDiscussion';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const empty = { threads: [], nextCursor: null, canComment: true };

describe('ProgramDiscussion', () => {
  it("counts the plan's open comments without loading its threads (one open thread at most)", async () => {
    const program = makeProgram();
    const plan = `kind=document&documentName=plan%3A${program.id}`;
    const fetchMock = stubFetch({
      [`/api/threads?${plan}&state=open&limit=1`]: ok({ ...empty, openCount: 7 }),
      [`/api/threads?kind=program&programId=${program.id}&state=all`]: ok({
        ...empty,
        openCount: 0,
      }),
    });
    renderRoute(<ProgramDiscussion program={program} />);
    expect(await screen.findByRole('link', { name: '7 open comments on the plan' })).toBeTruthy();
    const asked = fetchMock.mock.calls.map(([input]) => (typeof input === 'string' ? input : ''));
    expect(asked.filter((path) => path.includes('documentName'))).toEqual([
      `/api/threads?${plan}&state=open&limit=1`,
    ]);
  });
});

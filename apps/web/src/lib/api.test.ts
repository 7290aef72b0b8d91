import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, ClientErrorCodes, fetchProgram, fetchPrograms } from './api';
import { makeProgram } from '../test/fixtures';
import { ok, stubFetch } from '../test/fetchStub';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('api', () => {
  it('returns the parsed list and sends same-origin credentials', async () => {
    const fetchMock = stubFetch({ '/api/programs': ok({ data: [makeProgram()] }) });
    await expect(fetchPrograms()).resolves.toEqual([makeProgram()]);
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/programs',
      expect.objectContaining({ credentials: 'same-origin' }),
    );
  });

  it('turns the error body into an ApiError with status, code and message', async () => {
    stubFetch({
      '/api/programs/nope': {
        status: 404,
        body: { error: { code: 'not_found', message: 'No program' } },
      },
    });
    const error = await caught(fetchProgram('nope'));
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: 'No program' });
  });

  it('keeps the status of a 401 so a later sign-in redirect can react to it', async () => {
    stubFetch({
      '/api/programs': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'Sign in' } },
      },
    });
    const error = await caught(fetchPrograms());
    expect(error.status).toBe(401);
    expect(error.code).toBe('unauthenticated');
  });

  it('reports an error reply that is not the contract shape as invalid_reply with its status', async () => {
    stubFetch({ '/api/programs': { status: 502, body: '<html>Bad gateway</html>' } });
    const error = await caught(fetchPrograms());
    expect(error).toMatchObject({ status: 502, code: ClientErrorCodes.invalidReply });
  });

  it('rejects a 200 reply that does not match the shared schema', async () => {
    stubFetch({ '/api/programs': ok({ data: [{ id: 'x' }] }) });
    const error = await caught(fetchPrograms());
    expect(error).toMatchObject({ status: 200, code: ClientErrorCodes.invalidReply });
  });

  it('reports an unreachable server as network_error with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await caught(fetchPrograms());
    expect(error).toMatchObject({ status: 0, code: ClientErrorCodes.network });
  });

  it('escapes the program id in the path', async () => {
    const fetchMock = stubFetch({});
    await caught(fetchProgram('a/b'));
    expect(fetchMock).toHaveBeenCalledWith('/api/programs/a%2Fb', expect.anything());
  });
});

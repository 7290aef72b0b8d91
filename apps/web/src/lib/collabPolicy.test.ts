import { describe, expect, it } from 'vitest';
import { CloseCodes } from '@mesa/shared';
import { decideOnClose, isStopped, liveStatus } from './collabPolicy';

describe('decideOnClose', () => {
  it('stops for good on 4401 and says the person is signed out, keeping the copy', () => {
    expect(decideOnClose(CloseCodes.noSession, false)).toEqual({
      action: 'stop',
      status: { kind: 'signed-out' },
      clearCopy: false,
    });
  });

  it('stops on 4403 and clears this device copy', () => {
    expect(decideOnClose(CloseCodes.forbidden, false)).toEqual({
      action: 'stop',
      status: { kind: 'access-lost' },
      clearCopy: true,
    });
  });

  it('stops on 4404 with an explained error', () => {
    expect(decideOnClose(CloseCodes.notFound, false)).toMatchObject({
      action: 'stop',
      status: { kind: 'error', code: 4404 },
    });
  });

  it('reconnects once on 4409 to re-check access, then treats a 4403 as final', () => {
    const first = decideOnClose(CloseCodes.accessChanged, false);
    expect(first).toEqual({
      action: 'reconnect',
      status: { kind: 'reconnecting' },
      recheckingAccess: true,
    });
    expect(decideOnClose(CloseCodes.forbidden, true)).toMatchObject({
      action: 'stop',
      clearCopy: true,
    });
  });

  it('does not loop on a second 4409 in a row', () => {
    expect(decideOnClose(CloseCodes.accessChanged, true)).toMatchObject({
      action: 'stop',
      status: { kind: 'access-lost' },
      clearCopy: true,
    });
  });

  it('reconnects after the server goes away or restarts', () => {
    for (const code of [CloseCodes.goingAway, CloseCodes.serviceRestart])
      expect(decideOnClose(code, false)).toMatchObject({
        action: 'reconnect',
        status: { kind: 'reconnecting' },
      });
  });

  it('shows offline and reconnects when the network drops (1006)', () => {
    expect(decideOnClose(1006, false)).toMatchObject({
      action: 'reconnect',
      status: { kind: 'offline' },
    });
  });

  it('stops on refused bytes (4400, 4413, 1009, 1002) rather than resending them', () => {
    for (const code of [4400, 4413, 1009, 1002])
      expect(decideOnClose(code, false)).toEqual({
        action: 'stop',
        status: { kind: 'error', code },
        clearCopy: false,
      });
  });

  it('backs off and explains a flood refusal (4429)', () => {
    expect(decideOnClose(CloseCodes.tooManyMessages, false)).toMatchObject({
      action: 'reconnect',
      status: { kind: 'error', code: 4429 },
    });
  });
});

describe('liveStatus', () => {
  const base = { synced: true, readOnly: false, allConfirmed: true, stalled: false };
  it('is saved when the server confirmed everything sent, saving otherwise, stalled when it lasts', () => {
    expect(liveStatus(base, { kind: 'connecting' })).toEqual({ kind: 'saved' });
    expect(liveStatus({ ...base, allConfirmed: false }, { kind: 'connecting' })).toEqual({
      kind: 'saving',
    });
    expect(
      liveStatus({ ...base, allConfirmed: false, stalled: true }, { kind: 'connecting' }),
    ).toEqual({ kind: 'stalled' });
  });
  it('is read-only for readers and the unsynced status while not synced', () => {
    expect(liveStatus({ ...base, readOnly: true }, { kind: 'connecting' })).toEqual({
      kind: 'read-only',
    });
    expect(liveStatus({ ...base, synced: false }, { kind: 'offline' })).toEqual({
      kind: 'offline',
    });
  });
  it('counts only final states and non-flood errors as stopped', () => {
    expect(isStopped({ kind: 'access-lost' })).toBe(true);
    expect(isStopped({ kind: 'error', code: 4429 })).toBe(false);
    expect(isStopped({ kind: 'error', code: 4413 })).toBe(true);
    expect(isStopped({ kind: 'offline' })).toBe(false);
  });
});

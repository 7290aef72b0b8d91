import { describe, expect, it } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { loadConfig } from '../env.js';
import { DomainEvents } from '../lib/events.js';
import { accessChangeConcerns, openInvalidationChannel } from './invalidations.js';

describe('accessChangeConcerns', () => {
  const person = { userId: 'u1', organizationId: 'o1' };
  const change = (
    programId: string | null,
    userId: string | null,
    organizationId: string | null,
  ) => ({ programId, userId, organizationId });

  it.each([
    ['everyone', change(null, null, null), null, true],
    ['the person', change(null, 'u1', null), null, true],
    ['another person', change(null, 'u2', null), null, false],
    ['their organization', change('p1', null, 'o1'), 'p1', true],
    ['another organization', change('p1', null, 'o2'), 'p1', false],
    ['another program', change('p2', null, 'o1'), 'p1', false],
    ['a program, for a connection not tied to one', change('p2', null, 'o1'), null, true],
  ] as const)('a change of %s: %s', (_, c, programId, expected) => {
    expect(accessChangeConcerns(c, person, programId)).toBe(expected);
  });
});

describe('openInvalidationChannel without Redis', () => {
  it('delivers each invalidating domain event once, and nothing else', async () => {
    const source = new DomainEvents();
    const log = { warn: () => undefined, error: () => undefined } as unknown as FastifyBaseLogger;
    const channel = await openInvalidationChannel(loadConfig({}), source, log);
    const heard: string[] = [];
    channel.events.on('session.ended', () => heard.push('session.ended'));
    channel.events.on('user.deactivated', () => heard.push('user.deactivated'));
    channel.events.on('access.changed', () => heard.push('access.changed'));
    source.emit('session.ended', { sessionId: 's', userId: 'u' });
    source.emit('user.deactivated', { userId: 'u' });
    source.emit('access.changed', { programId: null, userId: 'u', organizationId: null });
    source.emit('program.updated', { programId: 'p' });
    expect(heard).toEqual(['session.ended', 'user.deactivated', 'access.changed']);
    await channel.close();
    source.emit('user.deactivated', { userId: 'u' });
    expect(heard).toHaveLength(3);
  });
});

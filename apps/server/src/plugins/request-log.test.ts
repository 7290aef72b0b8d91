import { describe, expect, it } from 'vitest';
import { loggablePath } from './request-log.js';

describe('loggablePath', () => {
  it('hides one-time tokens of setup and invitation links, in pages and in the API', () => {
    expect(loggablePath('/setup/abcdef')).toBe('/setup/:token');
    expect(loggablePath('/invite/abcdef?x=1')).toBe('/invite/:token');
    expect(loggablePath('/api/setup/abcdef')).toBe('/api/setup/:token');
    expect(loggablePath('/api/invitations/abcdef/accept')).toBe('/api/invitations/:token/accept');
  });
  it('drops query strings and keeps other paths', () => {
    expect(loggablePath('/api/programs?x=secret')).toBe('/api/programs');
  });
});

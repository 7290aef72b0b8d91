import { describe, expect, it } from 'vitest';
import { parseProgramRoom, programRoom, sessionRoom, userRoom, workspaceRoom } from './rooms.js';

describe('rooms', () => {
  it('builds the four kinds of room and reads a program id back', () => {
    expect([workspaceRoom(), programRoom('p1'), userRoom('u1'), sessionRoom('s1')]).toEqual([
      'workspace',
      'program:p1',
      'user:u1',
      'session:s1',
    ]);
    expect(parseProgramRoom(programRoom('abc'))).toBe('abc');
  });

  it('reads no program id from other rooms', () => {
    for (const room of ['workspace', 'user:p1', 'session:x', 'program:', 'programs:x'])
      expect(parseProgramRoom(room)).toBeNull();
  });
});

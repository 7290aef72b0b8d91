import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listOf, ProgramSchema } from '@mesa/shared';
import { startServer } from '../helpers/server.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';

describe('restarting on the same data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps what people changed and never seeds twice', async () => {
    const first = await startServer({ dataDir });
    await first.app.ctx.db
      .updateTable('programs')
      .set({ title_en: 'Renamed by a person' })
      .where('code', '=', 'BA1')
      .execute();
    await first.close();

    const second = await startServer({ dataDir });
    try {
      const person = await createPersonOn(second);
      const body = listOf(ProgramSchema).parse(
        await (await fetchAs(second, person, '/api/programs')).json(),
      );
      expect(body.data).toHaveLength(11);
      expect(body.data.find((p) => p.code === 'BA1')?.titleEn).toBe('Renamed by a person');
      const orgs = await second.app.ctx.db
        .selectFrom('organizations')
        .select('name_en')
        .where('kind', '=', 'sica_secretariat')
        .execute();
      expect(orgs).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});

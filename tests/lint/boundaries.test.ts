import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The workspace's own ESLint config (eslint.config.js at the root), run on small sources that
// exist only in memory: each forbidden import must be reported by its boundary, and the
// imports the architecture allows must not be. Only the boundary rules run, without type
// information, so this stays fast.
const root = fileURLToPath(new URL('../..', import.meta.url));

/** One source, where it would live, and the boundaries that must report it (none: allowed). */
interface Case {
  file: string;
  source: string;
  reports: string[];
}

const cases: Case[] = [
  // packages
  { file: 'packages/shared/src/x.ts', source: "import { z } from 'zod';", reports: [] },
  { file: 'packages/shared/src/x.ts', source: "import './ids.js';", reports: [] },
  {
    file: 'packages/shared/src/x.ts',
    source: "import { Kysely } from 'kysely';",
    reports: ['shared-imports-only-zod'],
  },
  {
    file: 'packages/editor/src/x.ts',
    source: "import { live } from '@mesa/web/src/lib/socket';",
    reports: ['editor-never-imports-apps'],
  },
  { file: 'packages/editor/src/x.ts', source: "import * as Y from 'yjs';", reports: [] },
  // server: layers
  {
    file: 'apps/server/src/modules/notes/notes.service.ts',
    source: "import type { FastifyInstance } from 'fastify';\nimport '@mesa/web';",
    reports: ['services-know-no-transport', 'server-never-imports-web'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.repository.ts',
    source: "import { Server } from 'socket.io';",
    reports: ['services-know-no-transport'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.service.ts',
    source: "import type { Realtime } from '../../realtime/io.js';",
    reports: ['services-know-no-transport'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.routes.ts',
    source: "import { findNote } from './notes.repository.js';",
    reports: ['routes-never-call-repositories'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.realtime.ts',
    source: "import { findNote } from './notes.repository.js';",
    reports: ['routes-never-call-repositories'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.routes.ts',
    source:
      "import { createNote } from './notes.service.js';\nimport type { FastifyReply } from 'fastify';",
    reports: [],
  },
  // server: a module is reached through its index
  {
    file: 'apps/server/src/modules/notes/notes.service.ts',
    source: "import { findUserById } from '../auth/auth.repository.js';",
    reports: ['modules-through-index-depth-1'],
  },
  {
    file: 'apps/server/src/modules/notes/notes.service.ts',
    source:
      "import { findUserById } from '../auth/index.js';\nimport { AppError } from '../../lib/errors.js';",
    reports: [],
  },
  {
    file: 'apps/server/src/modules/notes/parts/x.ts',
    source: "import { findNote } from '../notes.repository.js';\nimport '../../../lib/ids.js';",
    reports: [],
  },
  {
    file: 'apps/server/src/modules/notes/parts/x.ts',
    source: "import { signIn } from '../../auth/auth.routes.js';",
    reports: ['modules-through-index-depth-2'],
  },
  {
    file: 'apps/server/src/modules/notes/parts/deeper/x.ts',
    source: "import { signIn } from '../../../auth/auth.routes.js';",
    reports: ['modules-through-index-depth-3'],
  },
  {
    file: 'apps/server/src/authz/index.ts',
    source: "import { listRelationRows } from '../modules/access/access.repository.js';",
    reports: ['modules-through-index'],
  },
  {
    file: 'apps/server/src/plugins/auth.ts',
    source: "import { validateSessionToken } from '../modules/auth/index.js';",
    reports: [],
  },
  // web
  {
    file: 'apps/web/src/components/Widget.tsx',
    source:
      "import { useMe } from '../features/auth/useMe';\nimport { routes } from '../app/routes';",
    reports: ['ui-kit-never-imports-features', 'ui-kit-never-imports-features'],
  },
  {
    file: 'apps/web/src/components/Widget.tsx',
    source: "import { io } from 'socket.io-client';\nimport { buildApp } from '@mesa/server/app';",
    reports: ['only-lib-socket-imports-socket-io', 'web-never-imports-server'],
  },
  {
    file: 'apps/web/src/components/Widget.tsx',
    source: "import { Limits } from '@mesa/shared';\nimport { api } from '../lib/api';",
    reports: [],
  },
  {
    file: 'apps/web/src/lib/format.ts',
    source: "import { presenceKeys } from '../features/presence/usePresence';",
    reports: ['lib-and-hooks-never-import-features'],
  },
  {
    file: 'apps/web/src/hooks/useThing.ts',
    source: "import { queryClient } from '../app/queryClient';",
    reports: ['lib-and-hooks-never-import-features'],
  },
  {
    file: 'apps/web/src/features/notes/NotesPage.tsx',
    source: "import { routes } from '../../app/routes';",
    reports: ['features-never-import-app'],
  },
  {
    file: 'apps/web/src/features/notes/NotesPage.test.tsx',
    source: "import { routes } from '../../app/routes';",
    reports: [],
  },
  {
    file: 'apps/web/src/lib/socket.ts',
    source: "import { io } from 'socket.io-client';",
    reports: [],
  },
  {
    file: 'apps/web/src/features/plan/PlanPanel.tsx',
    source:
      "import * as Y from 'yjs';\nimport { WebsocketProvider } from 'y-websocket';\nimport Collaboration from '@tiptap/extension-collaboration';",
    reports: Array<string>(3).fill('only-collab-and-editors-import-yjs'),
  },
  { file: 'apps/web/src/lib/collab.ts', source: "import * as Y from 'yjs';", reports: [] },
  {
    file: 'apps/web/src/features/plan/PlanEditor.tsx',
    source: "import Collaboration from '@tiptap/extension-collaboration';",
    reports: [],
  },
];

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: root,
    ruleFilter: ({ ruleId }) => ruleId.startsWith('arrows/'),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
});

async function reported(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\n`, { filePath: file, warnIgnored: true });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it.each(cases)('$file: $source → [$reports]', async ({ file, source, reports }) => {
    const expected = reports.map((name) => `arrows/${name}`).sort();
    expect((await reported(file, source)).sort()).toEqual(expected);
  });

  it('has a forbidden-import case for every boundary the config declares', async () => {
    const config = (await eslint.calculateConfigForFile('apps/server/src/app.ts')) as {
      plugins: Record<string, { rules?: Record<string, unknown> }>;
    };
    const declared = Object.keys(config.plugins.arrows?.rules ?? {}).sort();
    const covered = [...new Set(cases.flatMap((c) => c.reports))].sort();
    expect(declared.length).toBeGreaterThan(0);
    expect(covered).toEqual(declared);
  });
});

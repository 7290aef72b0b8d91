// `pnpm demo`: fills the configured workspace (same environment and database as the server,
// running or not) with one person per row of DESIGN.md's table on two seeded programs,
// idempotently, and prints how to sign in as each. It uses the database only — no app, no
// document endpoint, no DATA_DIR lock — so a running server is never disturbed: SQLite's WAL
// and busy timeout let both write.
import type { Relation, Role } from '@mesa/shared';
import type { Actor } from './authz/index.js';
import { openDb } from './db/client.js';
import { prepareDatabase } from './db/prepare.js';
import { ConfigError, loadConfig, type Config } from './env.js';
import { systemClock } from './lib/clock.js';
import type { ServiceContext } from './lib/context.js';
import { DomainEvents } from './lib/events.js';
import { checkNewPassword, passwordProblemMessages } from './lib/password-policy.js';
import { addCoordinator, setRelation } from './modules/access/index.js';
import { ensureAccount } from './modules/users/index.js';
import { listOrganizations } from './modules/organizations/index.js';
import { listProgramRows } from './modules/portfolio/index.js';
import { generateOneTimeToken } from './modules/auth/index.js';
import { ensureDemoMeeting } from './modules/meetings/index.js';

interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  organization: string;
  coordinates?: boolean;
  what: string;
}

// Organizations by their seeded English short names; relations on the first program (P1) and second (P2).
const RELATIONS: { organization: string; p1: Relation | null; p2: Relation | null }[] = [
  { organization: 'Guatemala', p1: 'lead', p2: 'partner' },
  { organization: 'Spain', p1: 'partner', p2: 'lead' },
  { organization: 'IDB', p1: 'observer', p2: 'observer' },
];

const PEOPLE: DemoPerson[] = [
  {
    email: 'admin@demo.mesa.test',
    name: 'Ana Admin',
    role: 'admin',
    organization: 'SG-SICA',
    what: 'everything',
  },
  {
    email: 'coordinator@demo.mesa.test',
    name: 'Carlos Coordinator',
    role: 'member',
    organization: 'Guatemala',
    coordinates: true,
    what: 'P1 coordinator (lead org): edit details, invite, chair',
  },
  {
    email: 'lead@demo.mesa.test',
    name: 'Lucía Lead',
    role: 'member',
    organization: 'Guatemala',
    what: 'member, lead org on P1 (partner on P2): edit plans, comment, endorse',
  },
  {
    email: 'partner@demo.mesa.test',
    name: 'Pablo Partner',
    role: 'member',
    organization: 'Spain',
    what: 'member, partner org on P1 (lead on P2)',
  },
  {
    email: 'observer@demo.mesa.test',
    name: 'Olga Observer',
    role: 'member',
    organization: 'IDB',
    what: 'member, observer org: read and comment only',
  },
  {
    email: 'viewer@demo.mesa.test',
    name: 'Víctor Viewer',
    role: 'viewer',
    organization: 'Spain',
    what: 'viewer: read and follow, never write',
  },
  {
    email: 'outsider@demo.mesa.test',
    name: 'Omar Outsider',
    role: 'member',
    organization: 'Japan',
    what: 'member of an org without access: portfolio only, 403 inside programs',
  },
];

function fail(message: string): never {
  process.stderr.write(`mesa demo: ${message}\n`);
  process.exit(1);
}

async function twoPrograms(ctx: ServiceContext) {
  const rows = (await listProgramRows(ctx.db)).filter((p) => p.code !== null);
  if (rows.length < 2) fail('the workspace has fewer than two coded programs');
  return rows.slice(0, 2);
}

async function fill(ctx: ServiceContext, password: string) {
  const organizations = await listOrganizations(ctx.db);
  const orgs = new Map(organizations.map((o) => [o.shortName.en, o.id]));
  const orgId = (name: string) => orgs.get(name) ?? fail(`organization ${name} is not seeded`);
  const [p1, p2] = await twoPrograms(ctx);
  for (const r of RELATIONS) {
    if (r.p1) await setRelation(ctx, p1!.id, orgId(r.organization), r.p1);
    if (r.p2) await setRelation(ctx, p2!.id, orgId(r.organization), r.p2);
  }
  let chair: Actor | null = null;
  for (const p of PEOPLE) {
    const organizationId = orgId(p.organization);
    const userId = await ensureAccount(ctx, { ...p, password, organizationId });
    if (!p.coordinates) continue;
    await addCoordinator(ctx, p1!.id, userId);
    const organization = organizations.find((o) => o.id === organizationId)!;
    chair = {
      userId,
      sessionId: '',
      email: p.email,
      name: p.name,
      role: p.role,
      organizationId,
      organizationKind: organization.kind,
      organizationName: organization.name,
      locale: 'en',
      timeZone: 'UTC',
    };
  }
  if (chair) await ensureDemoMeeting(ctx, chair, p1!.id);
  return { p1: p1!, p2: p2! };
}

// The domain events of this process reach no one: the rights the demo grants reach connections
// already open in a running server when they reconnect (new subscriptions check them at once).
function serviceContext(db: ServiceContext['db'], config: Config): ServiceContext {
  const log = {
    warn: (details: object, message: string) =>
      process.stderr.write(`mesa demo: ${message} ${JSON.stringify(details)}\n`),
  };
  return { db, config, now: systemClock, events: new DomainEvents(), log };
}

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError)
      fail(`invalid configuration:\n  ${error.problems.join('\n  ')}`);
    throw error;
  }
  const password = config.demoPassword ?? `demo-${generateOneTimeToken().token.slice(0, 16)}`;
  const problem = await checkNewPassword(password, '');
  if (problem) fail(`MESA_DEMO_PASSWORD is refused: ${passwordProblemMessages[problem]}`);
  const db = await openDb(config).catch((error: unknown) =>
    fail(`cannot open the database: ${error instanceof Error ? error.message : String(error)}`),
  );
  try {
    await prepareDatabase(db, config, systemClock);
    const { p1, p2 } = await fill(serviceContext(db.kysely, config), password);
    const out = [
      '',
      `Mesa demo people at ${config.publicUrl} (P1 = ${p1.code} ${p1.title_en}; P2 = ${p2.code} ${p2.title_en})`,
      `Password for everyone: ${password}`,
      '',
      ...PEOPLE.map(
        (p) => `  ${p.email.padEnd(28)} ${p.role.padEnd(7)} ${p.organization.padEnd(10)} ${p.what}`,
      ),
      '',
      'Sign in as two of them in two browser windows (or one normal, one private) to see both sides.',
      'Meetings has "Demo: coordination meeting", chaired by Carlos Coordinator: start it as him and',
      'ask for the floor as Lucía or Pablo.',
      '',
    ];
    process.stdout.write(out.join('\n'));
  } finally {
    await db.close();
  }
}

void main();

// Writes docs/api.md from the server's own OpenAPI document (built from the zod route schemas)
// and the access each route declares. Run: pnpm docs:api (it needs tsx to load the sources).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/env.ts';
import { ErrorCodes } from '../packages/shared/src/errors.ts';

const ERROR_MEANINGS = {
  bad_request:
    'malformed JSON, an empty body, a `__proto__` key, a malformed URL or HTTP request (400; 414 for an over-long URL part, 431 for oversized headers)',
  validation_failed:
    'a body or parameter does not match the schema (a field the request does not have included), or a string holds U+0000 or a lone surrogate; `field` names it, e.g. `name.es` (400)',
  unauthenticated: 'no valid session (401)',
  invalid_credentials:
    'sign-in: wrong email or password, same reply for both (401); password change: wrong current password (400)',
  forbidden: 'signed in but the policy refuses (403)',
  foreign_origin: 'state-changing request from another origin (403)',
  not_found: 'no such route or resource (404)',
  conflict:
    'taken program code, email or organization name (in either language), last active admin, a write to a closed priority round, a stale ballot revision (409)',
  payload_too_large:
    'body over 1 MiB (413); the server reads up to 8 MiB of it before closing, so a client still sending gets this answer',
  unsupported_media_type: 'body that is not JSON (415)',
  request_timeout: 'the request did not arrive whole within 30 s (408)',
  too_many_requests: 'too many failed sign-ins; see `Retry-After` (429)',
  weak_password:
    'new password too short, too long, too common, or equal to the email (400); `field` names the field, `reasons` every rule broken',
  invitation_invalid: 'invitation link used, revoked or expired (404)',
  setup_unavailable: 'setup link used, replaced, or the workspace has people (404)',
  service_unavailable:
    'the database does not answer, or another process held its write lock through ~2.5 s of retries; nothing was changed; see `Retry-After` (503)',
  storage_full:
    'a write found no storage space left (SQLite `SQLITE_FULL`, PostgreSQL 53100); nothing was changed, reads still work; see `Retry-After` (503)',
  internal_error: 'a bug; logged with its stack (500)',
};
const ENV = [
  ['PORT', '3000', 'port the server listens on'],
  ['HOST', '127.0.0.1', 'address the server listens on'],
  ['DATA_DIR', './data', 'folder of the SQLite file'],
  [
    'DATABASE_URL',
    'SQLite in DATA_DIR',
    '`postgres://…` selects PostgreSQL; the server refuses to start when its `synchronous_commit` is `off`',
  ],
  ['REDIS_URL', 'none', 'enables several nodes'],
  [
    'PUBLIC_URL',
    'http://localhost:PORT',
    'the app’s own origin; base of setup and invitation links; `https` makes the session cookie Secure',
  ],
  [
    'MESA_ALLOWED_ORIGINS',
    'none',
    'more origins allowed to send state-changing requests, comma-separated',
  ],
  [
    'MESA_DEFAULT_LOCALE',
    'en',
    'language of content the workspace creates itself (the plan templates of seeded programs; a program a person creates gets their language) and of new accounts',
  ],
  [
    'MESA_ADMIN_EMAIL, MESA_ADMIN_PASSWORD',
    'none',
    'create the first admin (SICA General Secretariat) at start when nobody has an account; no setup link is printed then. The password must pass the password rules or the server refuses to start',
  ],
  ['MESA_DEMO_PASSWORD', 'random', 'password of the people `pnpm demo` creates'],
  [
    'MESA_SESSION_IDLE_SECONDS',
    '2592000 (30 days)',
    'a session unused this long ends (its activity is recorded every minute, or every quarter of this when shorter)',
  ],
  [
    'MESA_SESSION_MAX_SECONDS',
    '7776000 (90 days)',
    'a session ends this long after sign-in, used or not',
  ],
  [
    'MESA_LOGIN_MAX_FAILURES',
    '10',
    'failed sign-ins per address and per account in the window before 429',
  ],
  [
    'MESA_LOGIN_WINDOW_SECONDS',
    '900',
    'the window of the sign-in limit; `Retry-After` says when it lifts',
  ],
  [
    'MESA_COLLAB_MAX_MESSAGE_BYTES',
    '2 MiB',
    "largest document message (a writer's sync step 2: up to the document limit)",
  ],
  ['MESA_COLLAB_MAX_DOC_BYTES', '32 MiB', 'largest stored document'],
  ['MESA_COLLAB_MAX_MESSAGES_PER_SECOND', '200', 'per document connection, before close code 4429'],
  [
    'MESA_COLLAB_IDLE_UNLOAD_SECONDS',
    '60',
    'unload a document this long after its last connection',
  ],
  ['LOG_LEVEL', 'info', 'pino log level'],
];

const dataDir = mkdtempSync(join(tmpdir(), 'mesa-docs-'));
const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
  logger: false,
  announce: () => undefined,
});
await app.ready();
const doc = app.swagger();
const routes = [...app.apiRoutes];
await app.close();
rmSync(dataDir, { recursive: true, force: true });

const ACCESS = {
  public: 'public (no session)',
  signedIn: 'signed in',
  'workspace:readPortfolio': 'signed in (`readPortfolio`)',
  'workspace:administer': 'admin (`administer`)',
  'workspace:createProgram': 'admin (`createProgram`)',
  'workspace:invite': 'admin or a program coordinator (`invite`)',
  'workspace:openRound': 'admin (`openRound`)',
  'workspace:createMeeting': 'admin or a program coordinator (`createMeeting`)',
};
const accessOf = (a) => {
  if (ACCESS[a]) return ACCESS[a];
  if (a?.startsWith('program:')) return `\`${a.slice(8)}\` on the program`;
  if (a?.startsWith('subject:')) return `\`${a.slice(8)}\` on the thread's subject`;
  if (a?.startsWith('round:')) return `\`${a.slice(6)}\` on the round`;
  if (a?.startsWith('meeting:')) return `\`${a.slice(8)}\` on the meeting`;
  if (a?.startsWith('actionItem:')) return `\`${a.slice(11)}\` on the action item`;
  return String(a);
};

const STATUS_BY_ACCESS = (a) => {
  if (a === 'public') return [];
  if (
    a?.startsWith('program:') ||
    a?.startsWith('subject:') ||
    a?.startsWith('round:') ||
    a?.startsWith('meeting:') ||
    a?.startsWith('actionItem:')
  )
    return ['401', '403', '404'];
  if (a === 'signedIn' || a === 'workspace:readPortfolio') return ['401'];
  return ['401', '403'];
};

function typeOf(s) {
  if (!s) return 'any';
  if (s.nullable) return `${typeOf({ ...s, nullable: false })} \\| null`;
  if (s.enum) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.type === 'array') return `${typeOf(s.items)}[]`;
  // A small nested object (a name in each language, an amount) is spelled out.
  if (s.type === 'object' && s.properties) return `{ ${fields(s)} }`;
  if (s.type === 'object') return 'object';
  return s.type ?? 'any';
}

function fields(schema) {
  if (!schema?.properties) return '—';
  const req = new Set(schema.required ?? []);
  return Object.entries(schema.properties)
    .map(([k, v]) => `\`${k}${req.has(k) ? '' : '?'}\`: ${typeOf(v)}`)
    .join(', ');
}

const lines = [];
const push = (...l) => lines.push(...l);
push(
  '# Mesa HTTP API',
  '',
  '<!-- Generated by scripts/gen-api-docs.mjs from the route schemas; edit the routes, then run `pnpm docs:api`. -->',
  '',
  'Every reply is JSON. Every error has the shape `{"error":{"code","message","field?","reasons?"}}`;',
  '`reasons` names why a field was refused (for `weak_password`, every password rule broken:',
  '`too_short`, `too_long`, `common`, `same_as_email`).',
  'Signed-in routes take the `mesa_session` cookie (HttpOnly, SameSite=Lax, Secure over https);',
  'without a valid one they answer 401 `unauthenticated`. A state-changing request (POST, PUT,',
  'PATCH, DELETE) carrying an Origin other than PUBLIC_URL or MESA_ALLOWED_ORIGINS gets 403',
  '`foreign_origin`. Authorization on what the route names runs **before** the body is read:',
  'a person without rights gets 403 `forbidden` whatever the body (except `POST /api/threads`,',
  'whose body names the subject: a malformed body answers 400 first). Bodies are strict JSON',
  'objects (unknown fields → 400 `validation_failed`, `__proto__`/`constructor` keys → 400',
  '`bad_request`), at most 1 MiB (413 `payload_too_large`).',
  '',
  'The OpenAPI 3 document is served to signed-in admins at `GET /api/docs/openapi.json`.',
  'Each program in a reply carries `abilities` (`read`, `editPlan`, `comment`, `moderateComments`, `endorse`,',
  '`recordCommitment`, `chair`, `editDetails`, `invite`, `administer`), computed by the server,',
  'and `abilities.denied`: for each refused action, why (`no_relation`, `read_only_role`,',
  '`observer_relation`, `not_coordinator`, `admin_only`);',
  '`GET /api/me` carries the workspace abilities (`readPortfolio`, `createProgram`, `administer`, `invite`, `openRound`).',
  'Each priority round carries `abilities` (`read`, `vote`, `viewResults`, `close`, `reopen`) with',
  '`abilities.denied` (`not_delegation`, `read_only_role`, `round_closed`, `round_open`, `results_hidden`,',
  '`not_round_owner`, `admin_only`). A write to a closed round answers 409 `conflict`; a ballot saved',
  'on a stale `revision` answers 409 with the ballot as stored now in `error.current`.',
  'An earlier closing’s frozen board (`/api/rounds/:id/closings/:reopeningId/board`, each',
  'reopening’s `id` names the closing it undid) needs only `read`, not `viewResults`: once the',
  'round closed that board was the record, visible to everyone, so a reopening does not hide it',
  'again. A reopening recorded before closings were kept (migration 0014) has no board: 404.',
  '',
  '## Routes',
  '',
  '| route | who may call it | params | body | replies |',
  '| --- | --- | --- | --- | --- |',
);
for (const r of routes) {
  const path = r.url.replace(/:(\w+)/g, '{$1}');
  const op = doc.paths?.[path]?.[r.method.toLowerCase()] ?? {};
  const params = (op.parameters ?? []).map((p) => `\`${p.name}\``).join(', ') || '—';
  const body = fields(op.requestBody?.content?.['application/json']?.schema);
  const codes = new Set(Object.keys(op.responses ?? {}).filter((c) => c !== 'default'));
  // Every route declares its success reply (`noContent` for 204); swagger fills in a
  // "200 Default Response" for one that does not, which would document a status never sent.
  if (op.responses?.['200'] && !op.responses['200'].content) {
    throw new Error(`${r.method} ${r.url} declares no success reply in its response schema`);
  }
  if (op.requestBody || (op.parameters ?? []).length > 0) codes.add('400');
  for (const c of STATUS_BY_ACCESS(r.access)) codes.add(c);
  const replies = [...codes].sort().join(', ');
  push(`| \`${r.method} ${r.url}\` | ${accessOf(r.access)} | ${params} | ${body} | ${replies} |`);
}
push('', '## Notes per route', '');
for (const r of routes) {
  const path = r.url.replace(/:(\w+)/g, '{$1}');
  const op = doc.paths?.[path]?.[r.method.toLowerCase()] ?? {};
  if (op.description) push(`- \`${r.method} ${r.url}\` — ${op.description}`);
}
push(
  '',
  '## Error codes',
  '',
  '| code | when |',
  '| --- | --- |',
  ...Object.values(ErrorCodes).map((c) => `| \`${c}\` | ${ERROR_MEANINGS[c] ?? ''} |`),
  '',
  '## Environment variables',
  '',
  '| variable | default | effect |',
  '| --- | --- | --- |',
  ...ENV.map(([n, d, e]) => `| \`${n}\` | ${d} | ${e} |`),
  '',
);
writeFileSync(new URL('../docs/api.md', import.meta.url), lines.join('\n'));
console.log(`docs/api.md: ${routes.length} routes`);

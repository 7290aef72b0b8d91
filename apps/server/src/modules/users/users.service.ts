import type { Locale, Person, Role } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { hashPassword } from '../../lib/passwords.js';
import {
  announceEndedSessions,
  assertStrongPassword,
  deleteSessionsOf,
  findUserByEmail,
  insertUser,
} from '../auth/index.js';
import {
  countActiveAdmins,
  countUsers,
  findPersonRow,
  listPersonRows,
  organizationExists,
  updateUserRow,
} from './users.repository.js';
import { presentPerson } from './users.presenter.js';

/** What a new account needs; the password is checked against the rules and hashed. */
export interface NewAccount {
  email: string;
  name: string;
  password: string;
  role: Role;
  organizationId: string;
  locale?: Locale;
  timeZone?: string;
}

/**
 * Creates an account (setup, invitations, demo) in `ctx.db`, which may be a transaction:
 * 400 `weak_password`, 409 when the email is taken, 404 for an unknown organization.
 */
export async function createAccount(ctx: ServiceContext, account: NewAccount): Promise<string> {
  const email = account.email.trim().toLowerCase();
  await assertStrongPassword(account.password, email, 'password');
  if (await findUserByEmail(ctx.db, email)) {
    throw new ConflictError('An account with this email already exists.', 'email');
  }
  if (!(await organizationExists(ctx.db, account.organizationId))) {
    throw new NotFoundError('organization');
  }
  const id = newId();
  const at = ctx.now().toISOString();
  await insertUser(ctx.db, {
    id,
    email,
    name: account.name,
    password_hash: await hashPassword(account.password),
    role: account.role,
    organization_id: account.organizationId,
    locale: account.locale ?? ctx.config.defaultLocale,
    time_zone: account.timeZone ?? 'UTC',
    active: 1,
    created_at: at,
    updated_at: at,
  });
  return id;
}

/**
 * Creates the account, or brings an existing one (same email) back to the given role,
 * organization and password, active. For the demo, so running it twice changes nothing else.
 */
export async function ensureAccount(ctx: ServiceContext, account: NewAccount): Promise<string> {
  const existing = await findUserByEmail(ctx.db, account.email.trim().toLowerCase());
  if (!existing) return createAccount(ctx, account);
  await assertStrongPassword(account.password, existing.email, 'password');
  await updateUserRow(ctx.db, existing.id, {
    name: account.name,
    role: account.role,
    organization_id: account.organizationId,
    password_hash: await hashPassword(account.password),
    active: 1,
    updated_at: ctx.now().toISOString(),
  });
  return existing.id;
}

/** Whether nobody has an account yet (the workspace still needs its first admin). */
export async function workspaceIsEmpty(ctx: ServiceContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/** Every person of the workspace. */
export async function listPeople(ctx: ServiceContext): Promise<Person[]> {
  return (await listPersonRows(ctx.db)).map(presentPerson);
}

/**
 * Changes a person's role or deactivates/reactivates them. Deactivation deletes their sessions
 * in the same transaction; the last active administrator cannot be demoted or deactivated (409).
 */
export async function updatePerson(
  ctx: ServiceContext,
  _actor: Actor,
  id: string,
  patch: { role?: Role; active?: boolean },
): Promise<Person> {
  const result = await ctx.db.transaction().execute(async (trx) => {
    const before = await findPersonRow(trx, id);
    if (!before) throw new NotFoundError('person');
    const losesAdmin =
      before.role === 'admin' &&
      before.active === 1 &&
      ((patch.role !== undefined && patch.role !== 'admin') || patch.active === false);
    if (losesAdmin && (await countActiveAdmins(trx)) <= 1) {
      throw new ConflictError('The last active administrator cannot be demoted or deactivated.');
    }
    const active = patch.active === undefined ? undefined : patch.active ? 1 : 0;
    const at = ctx.now().toISOString();
    await updateUserRow(trx, id, { role: patch.role, active, updated_at: at });
    const deactivated = before.active === 1 && patch.active === false;
    const ended = deactivated ? await deleteSessionsOf({ ...ctx, db: trx }, id, null) : [];
    const after = await findPersonRow(trx, id);
    return { before, after: after ?? before, deactivated, ended };
  });
  if (result.deactivated) ctx.events.emit('user.deactivated', { userId: id });
  announceEndedSessions(ctx, id, result.ended);
  const roleChanged = result.before.role !== result.after.role;
  if (roleChanged || result.before.active !== result.after.active) {
    ctx.events.emit('access.changed', { programId: null, userId: id, organizationId: null });
  }
  return presentPerson(result.after);
}

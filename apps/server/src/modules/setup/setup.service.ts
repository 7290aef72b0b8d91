import { ErrorCodes, type SetupInput } from '@mesa/shared';
import type { ServiceContext } from '../../lib/context.js';
import { AppError } from '../../lib/errors.js';
import { generateOneTimeToken, hashSecret } from '../auth/index.js';
import { findSecretariatId } from '../organizations/index.js';
import { createAccount, workspaceIsEmpty } from '../users/index.js';
import {
  claimSetupToken,
  deleteUnusedSetupTokens,
  insertSetupToken,
  unusedSetupTokenExists,
} from './setup.repository.js';

function unavailable(): AppError {
  return new AppError(
    404,
    ErrorCodes.setupUnavailable,
    'This setup link is not valid: it was used already, replaced, or the workspace has an administrator.',
  );
}

async function secretariatId(ctx: ServiceContext): Promise<string> {
  const id = await findSecretariatId(ctx.db);
  if (!id) throw new Error('the SICA General Secretariat is missing from the seed');
  return id;
}

/**
 * Gives an empty workspace its way to a first administrator: MESA_ADMIN_EMAIL and
 * MESA_ADMIN_PASSWORD create one now (no browser to ask: language MESA_DEFAULT_LOCALE, time
 * zone UTC, both changeable in the profile); otherwise a new one-time setup link is made (older
 * unused links die) and returned. Null when someone already has an account.
 */
export async function bootstrapWorkspace(ctx: ServiceContext): Promise<string | null> {
  if (!(await workspaceIsEmpty(ctx))) return null;
  const { adminEmail, adminPassword } = ctx.config;
  if (adminEmail && adminPassword) {
    const organizationId = await secretariatId(ctx);
    const name = adminEmail.split('@')[0] ?? adminEmail;
    const account = { email: adminEmail, name, password: adminPassword, organizationId };
    await createAccount(ctx, { ...account, role: 'admin' }).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(error.statusCode, error.code, `MESA_ADMIN_PASSWORD: ${error.message}`);
    });
    return null;
  }
  const { token, hash } = generateOneTimeToken();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteUnusedSetupTokens(trx);
    await insertSetupToken(trx, hash, ctx.now().toISOString());
  });
  return `${ctx.config.publicUrl}/setup/${token}`;
}

/** 404 `setup_unavailable` unless the link is unused and nobody has an account yet. */
export async function checkSetupToken(ctx: ServiceContext, token: string): Promise<void> {
  const usable =
    (await unusedSetupTokenExists(ctx.db, hashSecret(token))) && (await workspaceIsEmpty(ctx));
  if (!usable) throw unavailable();
}

/**
 * Creates the first administrator (in the SICA General Secretariat) in the language and time
 * zone their browser sent (else MESA_DEFAULT_LOCALE and UTC) and kills the link, in one
 * transaction; the token is claimed first so two simultaneous submissions make one admin.
 */
export async function completeSetup(
  ctx: ServiceContext,
  token: string,
  input: SetupInput,
): Promise<string> {
  return ctx.db.transaction().execute(async (trx) => {
    const tx = { ...ctx, db: trx };
    if (!(await claimSetupToken(trx, hashSecret(token), ctx.now().toISOString()))) {
      throw unavailable();
    }
    if (!(await workspaceIsEmpty(tx))) throw unavailable();
    return createAccount(tx, {
      email: input.email,
      name: input.name,
      password: input.password,
      role: 'admin',
      organizationId: await secretariatId(tx),
      locale: input.locale,
      timeZone: input.timeZone,
    });
  });
}

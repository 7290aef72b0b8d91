import type { UpdateMeInput, User } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';
import type { ServiceContext } from '../../lib/context.js';
import { presentActor } from './auth.presenter.js';
import { updateProfileRow } from './auth.repository.js';

/**
 * Changes the signed-in person's own name, language or time zone. Only the person themself
 * reaches this: the id comes from the session, never from the request.
 */
export async function updateProfile(
  ctx: ServiceContext,
  actor: Actor,
  input: UpdateMeInput,
): Promise<User> {
  await updateProfileRow(ctx.db, actor.userId, {
    name: input.name,
    locale: input.locale,
    time_zone: input.timeZone,
    updated_at: ctx.now().toISOString(),
  });
  return presentActor({
    ...actor,
    name: input.name ?? actor.name,
    locale: input.locale ?? actor.locale,
    timeZone: input.timeZone ?? actor.timeZone,
  });
}

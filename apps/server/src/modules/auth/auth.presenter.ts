import type { User } from '@mesa/shared';
import type { Actor } from '../../authz/actor.js';

/** The signed-in person as the API shows them. */
export function presentActor(actor: Actor): User {
  return {
    id: actor.userId,
    email: actor.email,
    name: actor.name,
    role: actor.role,
    organizationId: actor.organizationId,
    locale: actor.locale,
    timeZone: actor.timeZone,
  };
}

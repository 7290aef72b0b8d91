import { LocalizedTextSchema, type Locale } from '@mesa/shared';
import type { PresenceGroup } from '../../components/PresenceList';

/** One person in the plan now, from an awareness state. */
export interface Present {
  /** Awareness client id (one per open tab). */
  clientId: number;
  /** Display name. */
  name: string;
  /** Their organization in the reader's language, as the server stamped it; empty until it has. */
  organization: string;
  /** Caret colour. */
  color: string;
  /** This tab. */
  self: boolean;
}

function field(user: Record<string, unknown>, key: string): string {
  const value = user[key];
  return typeof value === 'string' ? value : '';
}

/**
 * The organization the server stamped on an awareness user (AwarenessUserSchema: its name in
 * every language), in the reader's language; empty before the stamp, which a client's own
 * state lacks until the server's copy comes back.
 */
export function stampedOrganization(user: Record<string, unknown>, locale: Locale): string {
  const names = LocalizedTextSchema.safeParse(user.organization);
  return names.success ? names.data[locale] : '';
}

/**
 * The people in an awareness map, one entry per person (tabs of the same person merged,
 * keeping this tab's), this tab first, then by name; organizations named in the reader's
 * language. States without a user are skipped.
 */
export function presentPeople(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfClientId: number,
  locale: Locale,
): Present[] {
  const byKey = new Map<string, Present>();
  for (const [clientId, state] of states) {
    const user = state.user;
    if (typeof user !== 'object' || user === null) continue;
    const u = user as Record<string, unknown>;
    const name = field(u, 'name');
    if (!name) continue;
    const self = clientId === selfClientId;
    const key = field(u, 'id') || `client:${clientId}`;
    const entry = {
      clientId,
      name,
      organization: stampedOrganization(u, locale),
      color: field(u, 'color'),
      self,
    };
    const existing = byKey.get(key);
    if (!existing || self)
      byKey.set(
        key,
        existing?.organization && !entry.organization
          ? { ...entry, organization: existing.organization }
          : entry,
      );
  }
  return [...byKey.values()].sort(
    (a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name),
  );
}

/**
 * The people in the plan grouped by organization for the presence list: this tab's group
 * first, then by name. This person's own entry takes `ownOrganization` until the server's
 * stamp arrives; others without one yet share an unnamed group.
 */
export function groupPresent(people: readonly Present[], ownOrganization = ''): PresenceGroup[] {
  const groups = new Map<string, PresenceGroup & { self: boolean }>();
  for (const person of people) {
    const name = person.organization || (person.self ? ownOrganization : '');
    let group = groups.get(name);
    if (!group) {
      group = { key: name || 'unknown', name, people: [], self: false };
      groups.set(name, group);
    }
    group.self ||= person.self;
    const { clientId, color, self } = person;
    group.people.push({ key: String(clientId), name: person.name, self, color });
  }
  return [...groups.values()]
    .sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name))
    .map(({ key, name, people: members }) => ({ key, name, people: members }));
}

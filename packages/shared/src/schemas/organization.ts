import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { LocalizedTextSchema } from './localized.js';

/** The kinds of organization DESIGN.md names. */
export const OrganizationKinds = [
  'sica_secretariat',
  'sica_member',
  'partner_nation',
  'multilateral',
] as const;

/** One organization kind. */
export const OrganizationKindSchema = z.enum(OrganizationKinds);

/** An organization kind. */
export type OrganizationKind = z.infer<typeof OrganizationKindSchema>;

/** An organization (a state, a partner nation, a multilateral body, the SICA Secretariat). */
export const OrganizationSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Full name in each language (`name.es`: "España"). */
  name: LocalizedTextSchema,
  /** Short name in each language, for tight places (header, chips). */
  shortName: LocalizedTextSchema,
  /** What kind of organization it is. */
  kind: OrganizationKindSchema,
  /** ISO 3166-1 alpha-2 code for states, null for institutions. */
  countryCode: z.string().length(2).nullable(),
  /**
   * IATI organisation identifier (`XX-…`), set by administrators; null when none. The SICA General Secretariat's is the workspace's publisher
   * identifier in IATI exports.
   */
  iatiIdentifier: z.string().nullable(),
});

/** An organization. */
export type Organization = z.infer<typeof OrganizationSchema>;

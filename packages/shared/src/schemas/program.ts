import { z } from 'zod';
import { trimmedString } from '../text.js';
import { IdSchema } from '../ids.js';
import { ComponentIdSchema } from './component.js';
import { ProgramAbilitiesSchema } from '../permissions.js';
import { Limits } from '../limits.js';

/** How well a fact about a program is documented in the sources. */
export const ConfidenceSchema = z.enum(['documented', 'inferred']);

/** Whether the priority flag is documented, inferred from a description, or not documented. */
export const PriorityConfidenceSchema = z.enum(['documented', 'inferred', 'not_documented']);

/** Lifecycle of a program; null in the API means "not recorded". */
export const ProgramStatusSchema = z.enum([
  'proposed',
  'approved',
  'in_execution',
  'completed',
  'suspended',
]);

/** A program's lifecycle status. */
export type ProgramStatus = z.infer<typeof ProgramStatusSchema>;

export { CurrencySchema, MoneySchema, type Money } from './currency.js';
import { MoneySchema } from './currency.js';

/** ISO 3166-1 alpha-2 country code. */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/** A program of the strategy as the API returns it. */
export const ProgramSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** SICA code such as "BA1"; null when no source gives one. */
  code: z.string().nullable(),
  /** English title. */
  titleEn: z.string(),
  /** Spanish title. */
  titleEs: z.string(),
  /** Component letter. */
  componentId: ComponentIdSchema,
  /** Whether the program is one of the eight priority programs. */
  priority: z.boolean(),
  /** How the priority flag is known. */
  priorityConfidence: PriorityConfidenceSchema,
  /** Whether the program itself is documented or inferred from reports. */
  confidence: ConfidenceSchema,
  /** Lifecycle status; null = not recorded. */
  status: ProgramStatusSchema.nullable(),
  /**
   * The organizations holding the Lead relation to the program (program access), possibly
   * several; empty = none recorded. Set through the relations, never as a program field.
   */
  leadOrganizationIds: z.array(IdSchema),
  /** Countries where the program runs; empty = not recorded. */
  countries: z.array(CountryCodeSchema),
  /** Estimated cost; null = not recorded. */
  estimatedCost: MoneySchema.nullable(),
  /** What the viewer may do on this program, computed by the server. */
  abilities: ProgramAbilitiesSchema,
});

/** A program. */
export type Program = z.infer<typeof ProgramSchema>;

/** The reply of `GET /api/programs/:id`. */
export const ProgramReplySchema = z.object({ program: ProgramSchema });

/**
 * `POST /api/programs` body: every editable field of a program. Unknown fields are refused;
 * `leadOrganizationId` of earlier builds among them (lead organizations are relations).
 */
export const CreateProgramInputSchema = z.strictObject({
  /** SICA code such as "BA1"; unique; null when none is given. */
  code: trimmedString()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, 'must be a code such as BA1')
    .nullable(),
  /** English title. */
  titleEn: trimmedString().min(1).max(Limits.titleMaxLength),
  /** Spanish title. */
  titleEs: trimmedString().min(1).max(Limits.titleMaxLength),
  /** Component letter. */
  componentId: ComponentIdSchema,
  /** Whether it is a priority program. */
  priority: z.boolean(),
  /** Lifecycle status; null = not recorded. */
  status: ProgramStatusSchema.nullable(),
  /** Countries where it runs. */
  countries: z.array(CountryCodeSchema).max(50),
  /** Estimated cost; null = not recorded. */
  estimatedCost: MoneySchema.nullable(),
});

/** Program creation input. */
export type CreateProgramInput = z.infer<typeof CreateProgramInputSchema>;

/** `PATCH /api/programs/:id` body: any subset of the creation fields. */
export const UpdateProgramInputSchema = CreateProgramInputSchema.partial();

/** Program update input. */
export type UpdateProgramInput = z.infer<typeof UpdateProgramInputSchema>;

import { z } from 'zod';

/** The four components (pillars) of the Central American Security Strategy. */
export const ComponentIds = ['A', 'B', 'C', 'D'] as const;

/** A component letter, "A" to "D". */
export const ComponentIdSchema = z.enum(ComponentIds);

/** A component letter. */
export type ComponentId = z.infer<typeof ComponentIdSchema>;

/** A component of the strategy as the API returns it. */
export const ComponentSchema = z.object({
  /** The component letter, also its SICA code prefix. */
  id: ComponentIdSchema,
  /** English title. */
  titleEn: z.string(),
  /** Spanish title. */
  titleEs: z.string(),
  /** Display order, 1-based. */
  position: z.number().int(),
});

/** A component of the strategy. */
export type Component = z.infer<typeof ComponentSchema>;

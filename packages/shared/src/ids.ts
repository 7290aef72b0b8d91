import { z } from 'zod';

/** An opaque identifier: lower-case base32, 16 to 32 characters. Clients never parse it. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'must be an opaque identifier');

/** An opaque identifier. */
export type Id = z.infer<typeof IdSchema>;

import { z } from 'zod';

/** Wraps an item schema as the API's list reply, `{"data":[…]}`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item) });
}

/** The health reply. */
export const HealthSchema = z.object({ status: z.literal('ok') });

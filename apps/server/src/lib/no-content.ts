import { z } from 'zod';

/**
 * The response schema of a route that answers 204 with no body. Declaring it, rather than
 * leaving the success status out, is what lets the OpenAPI document (and docs/api.md, made
 * from it) state the real status; the OpenAPI plugin documents a 204 without content.
 */
export const noContent = { 204: z.null().describe('No content') };

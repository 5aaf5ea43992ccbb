import { z } from 'zod';

/**
 * Building blocks for IPC request schemas. Everything from the renderer is untrusted: strings
 * are bounded, numbers finite, objects strict unless they carry user data that must round-trip.
 */
export const idArg = z.string().min(1).max(256);
export const shortText = z.string().max(2_000);
export const emptyRequest = z.strictObject({});
export const limitArg = z.number().int().min(0).max(1000);
export const offsetArg = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

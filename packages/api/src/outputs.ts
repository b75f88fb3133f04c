// Output schemas that are the API's own shapes rather than the domain's: a plain acknowledgement, an id and version
// after a save. Every procedure declares its output (`.output()`): what the admin's types are inferred from, and what
// is checked before anything leaves the server.
import { z } from 'zod';

/** A write that has nothing to report beyond having been done. */
export const okSchema = z.object({ ok: z.literal(true) });

/** What an editor needs after a save to save again: the id and the version now stored. */
export const savedVersionSchema = z.object({ id: z.string().min(1), version: z.number().int().min(1) });

import { z } from 'zod';
import { parseDuration } from './duration';

/** A Prometheus-style duration in a config file, as milliseconds; the message names what is wrong. */
export const durationSchema = z.string().transform((s, ctx) => {
  const ms = parseDuration(s);
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `not a valid duration: "${s}" (use e.g. 30s, 5m, 1h, 7d)` });
    return z.NEVER;
  }
  return ms;
});

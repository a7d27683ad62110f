import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';

/** `host:port` or `[v6]:port`. */
const listenAddress = z
  .string()
  .regex(/^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, 'must be host:port, such as 0.0.0.0:5514')
  .refine((s) => {
    const port = Number(s.slice(s.lastIndexOf(':') + 1));
    return port <= 65535;
  }, 'the port must be 0 to 65535 (0: any free port)');

/** `syslog:` in the provisioning file (docs/intake.md#syslog); off when absent. */
export const syslogSchema = z
  .object({
    listen: listenAddress,
    /** `both` listens on TCP and UDP at the same port. */
    protocol: z.enum(['tcp', 'udp', 'both']).default('tcp'),
    /** The log source the messages go to; the app name is a field of each line. */
    source: jobNameSchema.default('syslog'),
  })
  .strict();

export type SyslogConfig = z.output<typeof syslogSchema>;

export function splitAddress(listen: string): { host: string; port: number } {
  const colon = listen.lastIndexOf(':');
  return { host: listen.slice(0, colon).replace(/^\[|\]$/g, ''), port: Number(listen.slice(colon + 1)) };
}

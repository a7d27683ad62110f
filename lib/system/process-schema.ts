import { z } from 'zod';
import { jobNameSchema } from '@/lib/config/job-name';

/** A local process to watch, as written under `processes:` in the provisioning file. */
export const watchedProcessSchema = z
  .strictObject({
    name: jobNameSchema,
    pid_file: z.string().trim().min(1).max(4096).optional(),
    command: z.string().trim().min(1).max(256).optional(),
  })
  .refine(
    (p) => (p.pid_file === undefined) !== (p.command === undefined),
    'give either pid_file or command (exactly one)',
  );

export type WatchedProcessInput = z.infer<typeof watchedProcessSchema>;

export const watchedProcessesSchema = z.array(watchedProcessSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const p of list) {
    if (seen.has(p.name)) ctx.addIssue({ code: 'custom', message: `the name "${p.name}" is used twice` });
    seen.add(p.name);
  }
});

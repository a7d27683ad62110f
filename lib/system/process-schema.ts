import { z } from 'zod';

/** A local process to watch, as written under `processes:` in the provisioning file. */
export const watchedProcessSchema = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'name is required')
      .max(100)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'name may hold letters, digits and _ . : - (it becomes the job label)'),
    pid_file: z.string().trim().min(1).max(4096).optional(),
    command: z.string().trim().min(1).max(256).optional(),
  })
  .refine((p) => (p.pid_file === undefined) !== (p.command === undefined), 'give either pid_file or command (exactly one)');

export type WatchedProcessInput = z.infer<typeof watchedProcessSchema>;

export const watchedProcessesSchema = z.array(watchedProcessSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  for (const p of list) {
    if (seen.has(p.name)) ctx.addIssue({ code: 'custom', message: `the name "${p.name}" is used twice` });
    seen.add(p.name);
  }
});

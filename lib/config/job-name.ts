import { z } from 'zod';

/** A target's, log source's or watched process's name: it becomes the `job` label of its series. */
export const jobNameSchema = z
  .string()
  .trim()
  .min(1, 'name is required')
  .max(100, 'name must be at most 100 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'name may hold letters, digits and _ . : - (it becomes the job label)');

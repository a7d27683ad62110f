import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from './password';
import { SCOPES } from './scope';

/** POST /api/v1/tokens */
export const tokenSchema = z.object({
  name: z.string().trim().min(1, 'give the token a name').max(100, 'use at most 100 characters'),
  scope: z.enum(SCOPES, 'scope must be read, ingest or admin'),
});

/** POST /api/v1/session: `password` is what /login sends (a password or a token); `token` stays for scripts. */
export const loginSchema = z
  .object({ password: z.string().min(1).max(1024).optional(), token: z.string().min(1).max(1024).optional() })
  .refine((b) => (b.password ?? b.token) !== undefined, {
    message: 'send the admin password or a token',
    path: ['password'],
  });

/** POST /api/v1/session/password: `token` is the bootstrap admin token, needed for the first password. */
export const choosePasswordSchema = z.object({
  password: z
    .string()
    .min(PASSWORD_MIN, `use at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `use at most ${PASSWORD_MAX} characters`),
  token: z.string().min(1).max(1024).optional(),
});

import { z } from 'zod';
import { SCOPE_NAMES } from './enums';
import { iso } from './shapes-common';

const scope = z.enum(SCOPE_NAMES);

export const sessionShape = z.looseObject({ scope, anonymous: z.boolean() });
export const signedInShape = z.looseObject({ scope });
export const tokenInfoShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  scope,
  created_at: iso,
  last_used_at: iso.nullable(),
});
export const newTokenShape = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  scope,
  token: z.string().meta({ description: 'shown once: only its hash is stored' }),
});

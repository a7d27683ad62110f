import { parseId } from './params';

export interface IdContext {
  params: Promise<{ id: string }>;
}

export async function idParam(ctx: IdContext): Promise<number> {
  return parseId((await ctx.params).id);
}

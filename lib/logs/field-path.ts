/** A field name that may be written as one dotted key (`"log.level"`) or nested (`{"log":{"level"}}`). */
export interface FieldPath {
  key: string;
  parts: readonly string[] | null;
}

export function fieldPath(key: string): FieldPath {
  return { key, parts: key.includes('.') ? key.split('.') : null };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`: the dotted key itself first, then the nested form; undefined when absent. */
export function getField(obj: Record<string, unknown>, path: FieldPath): unknown {
  // hasOwn only when something was found: keeps `constructor`/`__proto__` out without slowing misses.
  const direct = obj[path.key];
  if (direct !== undefined) return Object.hasOwn(obj, path.key) ? direct : undefined;
  if (path.parts === null) return undefined;
  let cur: unknown = obj;
  for (const part of path.parts) {
    if (!isRecord(cur) || !Object.hasOwn(cur, part)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** The first path present in `obj`, with its value. */
export function firstField(
  obj: Record<string, unknown>,
  paths: readonly FieldPath[],
): { path: FieldPath; value: unknown } | null {
  for (const path of paths) {
    const value = getField(obj, path);
    if (value !== undefined && value !== null) return { path, value };
  }
  return null;
}

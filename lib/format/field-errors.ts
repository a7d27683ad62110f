/**
 * Splits an API 400 message (`url: …; conditions.1: …; matchers.0.name: …`) into messages per form field and the rest,
 * which the form shows above itself. `describe` rewords an indexed part, e.g. as a line number.
 */
export function splitFieldErrors<F extends string>(
  message: string,
  fields: readonly F[],
  describe: (field: F, index: number | null, text: string) => string = (_f, _i, text) => text,
): { fields: Partial<Record<F, string>>; general: string[] } {
  const out: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const part of message.split('; ')) {
    const m = /^([a-z_]+)(?:\.([\w.]+))?: (.*)$/s.exec(part.trim());
    const field = m && (fields as readonly string[]).includes(m[1]) ? (m[1] as F) : null;
    if (!m || !field) {
      general.push(part.trim());
      continue;
    }
    const text = describe(field, m[2] !== undefined && /^\d+$/.test(m[2]) ? Number(m[2]) : null, m[3]);
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return { fields: out, general };
}

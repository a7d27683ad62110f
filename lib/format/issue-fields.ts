import type { Issue } from '@/lib/errors';

/**
 * Puts each issue of an API 400/409 under the form field its path starts with (`conditions.1` → conditions);
 * issues naming no field, or none at all (then the message), stay general. `describe` rewords an issue
 * from the rest of its path, e.g. as a line number.
 */
export function issuesToFields<F extends string>(
  failure: { message: string; issues: Issue[] },
  fields: readonly F[],
  describe: (field: F, rest: string[], text: string) => string = (_f, _r, text) => text,
): { fields: Partial<Record<F, string>>; general: string[] } {
  if (failure.issues.length === 0) return { fields: {}, general: [failure.message] };
  const out: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const issue of failure.issues) {
    const [head, ...rest] = issue.path ? issue.path.split('.') : [];
    const field = (fields as readonly string[]).includes(head) ? (head as F) : null;
    if (!field) {
      general.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
      continue;
    }
    const text = describe(field, rest, issue.message);
    out[field] = out[field] ? `${out[field]}; ${text}` : text;
  }
  return { fields: out, general };
}

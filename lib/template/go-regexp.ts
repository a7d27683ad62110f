/** A Go (RE2) pattern as a JS RegExp: (?P<n>…) named groups and leading (?i)/(?s)/(?m) flags. */
export function goRegExp(pattern: string, global = false): RegExp {
  let src = pattern.replace(/\(\?P</g, '(?<');
  let flags = global ? 'gu' : 'u';
  const lead = /^\(\?([ims]+)\)/.exec(src);
  if (lead) {
    flags += lead[1];
    src = src.slice(lead[0].length);
  }
  try {
    return new RegExp(src, flags);
  } catch (e) {
    throw new Error(`error parsing regexp: ${(e as Error).message}`);
  }
}

/** Go's Regexp.ReplaceAllString: $1, ${1}, $name, ${name}, $$; `$1x` names group "1x" (empty), as in Go. */
export function goReplaceAll(pattern: string, repl: string, text: string): string {
  return text.replace(goRegExp(pattern, true), (...m: unknown[]) => {
    const hasGroups = typeof m[m.length - 1] === 'object';
    const groups = (hasGroups ? m[m.length - 1] : {}) as Record<string, string | undefined>;
    const numbered = m.slice(0, hasGroups ? -3 : -2) as (string | undefined)[];
    return repl.replace(
      /\$(\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
      (_all, tok: string, braced?: string, bare?: string) => {
        if (tok === '$') return '$';
        const name = braced ?? bare ?? '';
        if (/^\d+$/.test(name)) return numbered[Number(name)] ?? '';
        return groups?.[name] ?? '';
      },
    );
  });
}

import { altsSource, chooseIFlag } from './re2-emit';
import { Re2Parser } from './re2-parse';

export { Re2SyntaxError } from './re2-ast';

/**
 * Translates a Go/RE2 regular expression into an equivalent JavaScript RegExp (`u` flag, never `s`),
 * unanchored like Go's MatchString. Throws Re2SyntaxError, with Go's message, for what RE2 refuses
 * (lookaround, backreferences, possessive quantifiers, `\Z`, …); see lib/alerting/SEMANTICS.md.
 */
export function compileRe2(pattern: string): RegExp {
  const alts = new Re2Parser(pattern).parse();
  const iFlag = chooseIFlag(alts);
  return new RegExp(altsSource(alts, { iFlag }), iFlag ? 'iu' : 'u');
}

const cache = new Map<string, RegExp>();

/** Prometheus's and Alertmanager's label regex: Go compiles `^(?:` + pattern + `)$`, so it must match the whole value. */
export function compileAnchoredRe2(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = compileRe2(`^(?:${pattern})$`);
    if (cache.size >= 1000) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

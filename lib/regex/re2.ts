/**
 * Placeholder: a full-match RegExp for an RE2 pattern. The real implementation (RE2 syntax checks,
 * Go-style errors, `(?i)`, POSIX classes) replaces this file at merge; callers rely only on the signature.
 */
export function compileAnchoredRe2(pattern: string): RegExp {
  return new RegExp('^(?:' + pattern + ')$', 'u');
}

/** How a line relates to the event before it (docs/logs.md#multi-line-events). */
export const Join = {
  /** Starts a new event. */
  New: 0,
  /** Belongs to the event before it. */
  Continue: 1,
  /** `Traceback (most recent call last):` — continues, and the traceback's body follows. */
  OpenTraceback: 2,
  /** The exception line that ends a Python traceback. */
  CloseTraceback: 3,
} as const;

export type JoinKind = (typeof Join)[keyof typeof Join];

const AT_FRAME = /^at [\w$.<>/]+\(/;
const MORE = /^\.\.\. \d+ (?:more|common frames omitted)/;
const JAVA_EXCEPTION = /^(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::|$)/;
const PY_CHAIN = /^(?:During handling of the above exception|The above exception was the direct cause)/;
const TRACEBACK = 'Traceback (most recent call last):';

/**
 * Continuation lines: leading whitespace (stack frames, wrapped messages), Java's `at …`, `Caused by:`,
 * `Suppressed:`, `... N more` and a bare exception class line, Python's traceback and its closing exception line.
 */
export function joinKind(line: string, inTraceback: boolean): JoinKind {
  const c = line.charCodeAt(0);
  if (c === 32 || c === 9) return Join.Continue;
  if (line.startsWith(TRACEBACK)) return Join.OpenTraceback;
  if (inTraceback) return Join.CloseTraceback;
  switch (c) {
    case 67 /* C */:
      return line.startsWith('Caused by: ') ? Join.Continue : Join.New;
    case 83 /* S */:
      return line.startsWith('Suppressed: ') ? Join.Continue : Join.New;
    case 46 /* . */:
      return MORE.test(line) ? Join.Continue : Join.New;
    case 68 /* D */:
    case 84 /* T */:
      return PY_CHAIN.test(line) ? Join.Continue : Join.New;
    case 97 /* a */:
      if (AT_FRAME.test(line)) return Join.Continue;
      break;
  }
  return c >= 97 && c <= 122 && JAVA_EXCEPTION.test(line) ? Join.Continue : Join.New;
}

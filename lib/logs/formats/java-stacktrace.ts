import type { LineContext } from './clock';
import { type FamilyHit, hit } from './family';

// The first line of a Java stack trace as the JVM prints it: `Exception in thread "main" java.lang.X: msg`
// or a bare `com.acme.FooException: msg` (what printStackTrace writes). It has no time of its own.
const UNCAUGHT =
  /^Exception in thread "([^"]*)" ((?:[a-zA-Z_$][\w$]*\.)+[\w$]*(?:Exception|Error|Throwable))(?:: (.*))?$/;
const THROWN = /^((?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable))(?:: (.*))?$/;

export function parseJavaStacktrace(line: string, _ctx: LineContext): FamilyHit | null {
  const u = UNCAUGHT.exec(line);
  if (u) return hit('java-stacktrace', undefined, 'error', line, { thread: u[1], exception: u[2] });
  const t = THROWN.exec(line);
  if (!t) return null;
  return hit('java-stacktrace', undefined, 'error', line, { exception: t[1] });
}

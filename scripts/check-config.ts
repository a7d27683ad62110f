// npm run check-config -- [FILE]: validates a provisioning file like start-up does, without starting anything
// (as `promtool check config` does for Prometheus). Exit 0 when usable, 1 with every problem named.
import fs from 'node:fs';
import path from 'node:path';
import { readEnv } from '@/lib/config/env';
import { checkConfig } from '@/lib/engine/config-check';

const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
const file = arg ? path.resolve(arg) : readEnv().configFile;
if (!file) {
  console.error('check-config: name the file (npm run check-config -- lookout.yml), or set LOOKOUT_CONFIG.');
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`check-config: ${file} does not exist.`);
  process.exit(2);
}
try {
  const { config, ruleDefs } = checkConfig(file);
  const rules = ruleDefs.reduce((n, g) => n + g.rules.length, 0);
  const receivers = Array.isArray((config.alerting as { receivers?: unknown } | undefined)?.receivers)
    ? (config.alerting as { receivers: unknown[] }).receivers.length
    : 0;
  const n = (count: number, one: string) => `${count} ${one}${count === 1 ? '' : 's'}`;
  console.log(
    `${file}: OK — ${n(config.targets?.length ?? 0, 'target')}, ${n(config.logs?.length ?? 0, 'log source')}, ` +
      `${n(rules, 'rule')}, ${n(receivers, 'receiver')}`,
  );
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}

/** Records `amtool check-config` verdicts for test/alerting/configs: `npx tsx test/alerting/config-record.ts`. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { amtoolCheckConfig } from '../oracle/amtool';

export type ConfigVerdicts = Record<string, string | null>;

export const CONFIG_DIR = new URL('./configs/', import.meta.url);

/** `valid/x.yml`, `invalid/y.yml`, … in a stable order. */
export function corpusFiles(): string[] {
  return ['valid', 'invalid'].flatMap((d) =>
    readdirSync(new URL(`${d}/`, CONFIG_DIR))
      .filter((f) => f.endsWith('.yml'))
      .sort()
      .map((f) => `${d}/${f}`),
  );
}

export function amtoolVerdicts(): ConfigVerdicts {
  return Object.fromEntries(
    corpusFiles().map((f) => [f, amtoolCheckConfig(readFileSync(new URL(f, CONFIG_DIR), 'utf8'))]),
  );
}

if (process.argv[1]?.endsWith('config-record.ts')) {
  writeFileSync(
    new URL('./configs-amtool.expected.json', import.meta.url),
    `${JSON.stringify(amtoolVerdicts(), null, 1)}\n`,
  );
}

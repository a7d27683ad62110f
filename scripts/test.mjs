// `npm test`: every suite (unit + integration, then end-to-end in Chromium), closing with one
// `N passed, N failed` line that sums them all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const suites = [
  { name: 'unit+integration', args: [] },
  { name: 'e2e', args: ['--config', 'vitest.e2e.config.ts'] },
];
const only = process.argv[2];
let passed = 0;
let failed = 0;
let exitCode = 0;

for (const suite of suites.filter((s) => !only || s.name.startsWith(only))) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-test-')), 'report.json');
  console.log(`\n=== ${suite.name} ===`);
  const r = spawnSync(
    process.execPath,
    [vitest, 'run', ...suite.args, '--reporter=default', '--reporter=json', `--outputFile=${out}`],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (fs.existsSync(out)) {
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += report.numPassedTests;
    // A suite file that fails to load has no tests but must still count as a failure.
    failed +=
      report.numFailedTests +
      (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  } else {
    failed += 1;
  }
  if (r.status !== 0) exitCode = 1;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));

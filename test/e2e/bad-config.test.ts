import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLookout } from './lookout-server';

// A supervisor must see a failed first start, not a server that answers every request with the error
// (docs/configuration.md#provisioning-file).
describe('npm start with a broken provisioning file', () => {
  it('exits with code 1 and names the file, line and key', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookout-bad-config-'));
    const file = path.join(dir, 'lookout.yml');
    fs.writeFileSync(
      file,
      'targets:\n  - name: a\n    url: http://127.0.0.1:1/health\nalerting:\n  alert_relabel_configs: []\n',
    );
    const started = startLookout({ LOOKOUT_CONFIG: file });
    await expect(started).rejects.toThrow(/exited with 1 before it was healthy/);
    await expect(started).rejects.toThrow(`${file}:5: alerting.alert_relabel_configs: unknown key (hint:`);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { randomToken } from './secrets';

/**
 * The bootstrap admin token: LOOKOUT_ADMIN_TOKEN, or one generated on first start and kept in
 * `<data dir>/admin-token` (mode 600) so a fresh `npm start` is never an open door.
 */
export function resolveAdminToken(
  envToken: string | null,
  dataDir: string,
): { token: string; generated: string | null } {
  if (envToken) return { token: envToken, generated: null };
  const file = path.join(dataDir, 'admin-token');
  try {
    const existing = fs.readFileSync(file, 'utf8').trim();
    if (existing) return { token: existing, generated: file };
  } catch {
    // first start: fall through and create it
  }
  const token = randomToken('lk_admin');
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: file };
}

import crypto from 'node:crypto';
import type { Db } from '@/lib/db/connection';

// scrypt cost: N=2^15, r=8 takes 32 MiB and tens of milliseconds, so guessing offline is slow too.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LEN = 32;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

function scrypt(password: string, salt: Buffer, p: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(password.normalize('NFC'), salt, KEY_LEN, { ...p, maxmem: 256 * p.N * p.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`: the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, key] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}

export function storedPasswordHash(db: Db): string | null {
  const row = db.prepare('SELECT hash FROM admin_password WHERE id = 1').get() as { hash: string } | undefined;
  return row?.hash ?? null;
}

/** Stores a new password and ends every session, so a changed password locks out whoever knew the old one. */
export async function storePassword(db: Db, password: string, now: number): Promise<void> {
  const hash = await hashPassword(password);
  db.transaction(() => {
    db.prepare(
      'INSERT INTO admin_password (id, hash, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at',
    ).run(hash, now);
    db.prepare('DELETE FROM sessions').run();
  })();
}

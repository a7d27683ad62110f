import { describe, expect, it } from 'vitest';
import * as target from '@/app/api/v1/targets/[id]/route';
import * as targets from '@/app/api/v1/targets/route';
import { FakeClock } from '@/lib/clock';
import { call, lookoutPerTest } from '../helpers/lookout';

const start = lookoutPerTest();
type Body = { data: Record<string, unknown>; error: { issues: { path: string; message: string }[] } };
const post = (body: Record<string, unknown>) =>
  call(targets.POST, '/api/v1/targets', {
    method: 'POST',
    body: { name: 'mail', type: 'tcp', url: 'tcp://127.0.0.1:25', ...body },
  });

describe('tcp targets with starttls', () => {
  it('are saved with the protocol and take [CERTIFICATE_EXPIRATION]', async () => {
    start({ clock: new FakeClock() });
    const res = await post({ starttls: 'smtp', conditions: ['[CERTIFICATE_EXPIRATION] > 14d'] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = (res.body as Body).data.id as number;
    const read = await call(target.GET, `/api/v1/targets/${id}`, { id });
    expect((read.body as Body).data).toMatchObject({
      starttls: 'smtp',
      conditions: ['[CERTIFICATE_EXPIRATION] > 14d'],
    });
    const patched = await call(target.PATCH, `/api/v1/targets/${id}`, {
      method: 'PATCH',
      id,
      body: { starttls: 'imap', insecure_skip_verify: true },
    });
    expect((patched.body as Body).data).toMatchObject({ starttls: 'imap', insecure_skip_verify: true });
  });

  it.each([
    [
      { conditions: ['[CERTIFICATE_EXPIRATION] > 14d'] },
      'conditions.0',
      '[CERTIFICATE_EXPIRATION] needs starttls on a tcp target',
    ],
    [{ starttls: 'smtp', send: 'EHLO x\r\n' }, 'send', 'send does not apply with starttls'],
    [
      { insecure_skip_verify: true },
      'insecure_skip_verify',
      'insecure_skip_verify applies to tcp targets with starttls',
    ],
    [{ starttls: 'pop3' }, 'starttls', 'starttls must be one of smtp, imap, postgres'],
  ])('refuses %j', async (body, path, message) => {
    start({ clock: new FakeClock() });
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((res.body as Body).error.issues).toContainEqual(expect.objectContaining({ path, message }));
  });
});

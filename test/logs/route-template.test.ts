import { describe, expect, it } from 'vitest';
import { templatePath } from '@/lib/logs/route-template';

describe('templatePath', () => {
  it.each([
    ['/users/123', '/users/:id'],
    ['/users/456?tab=orders#top', '/users/:id'],
    ['/orders/3f2b8c1e-9d4a-4b7e-8f00-1a2b3c4d5e6f/items', '/orders/:id/items'],
    ['/blobs/9f00a1c3', '/blobs/:id'],
    ['/commits/4b825dc642cb6eb9a060e54bf8d69288fbee4904', '/commits/:id'],
    ['/files/01HQ3Z5V7X8Y9A0B1C2D3E4F5G', '/files/:id'],
    ['/v1/messages', '/v1/messages'],
    ['/api/v2/health', '/api/v2/health'],
    ['/assets/app.css', '/assets/app.css'],
    ['/decade/deadbeef', '/decade/deadbeef'],
    ['/', '/'],
    ['http://example.com/users/7?x=1', '/users/:id'],
    ['*', '*'],
    ['example.com:443', '/:other'],
    ['/a/b/c/d/e/f/g/h/i/j', '/a/b/c/d/e/f/g/h/…'],
  ])('%s → %s', (path, route) => {
    expect(templatePath(path)).toBe(route);
  });
});

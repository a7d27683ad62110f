import { describe, expect, it } from 'vitest';
import { bearerFromElastic } from '@/lib/api/elasticsearch-routes';
import { wantsElasticsearch } from '@/lib/elasticsearch/handshake';
import { indexSourceName } from '@/lib/elasticsearch/index-source';

describe('index names as sources', () => {
  it.each([
    ['logs-ccproxy-default', 'ccproxy'],
    ['logs-nginx.access-prod', 'nginx.access'],
    ['.ds-logs-app-default-2026.12.05-000001', 'app'],
    ['metrics-x-y', 'x'],
    ['filebeat-8.17.0', 'filebeat'],
    ['filebeat-8.17.0-2026.12.05-000001', 'filebeat'],
    ['logstash-2026.12.05', 'logstash'],
    ['app-2026.12', 'app'],
    ['checkout', 'checkout'],
    ['my index/x', 'my_index_x'],
  ])('%s → %s', (index, source) => expect(indexSourceName(index)).toBe(source));
});

describe('Elasticsearch credentials as Lookout tokens', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it.each([
    [`ApiKey ${b64('filebeat:lk_tok_abc')}`, 'Bearer lk_tok_abc'],
    ['ApiKey lk_tok_abc', 'Bearer lk_tok_abc'],
    [`Basic ${b64('elastic:lk_tok_abc')}`, 'Bearer lk_tok_abc'],
    ['Bearer lk_tok_abc', 'Bearer lk_tok_abc'],
  ])('%s', (header, bearer) => expect(bearerFromElastic(header)).toBe(bearer));
});

describe('who gets the handshake at /', () => {
  it('serves JSON askers and Beats, leaves browsers and */* callers the page', () => {
    expect(wantsElasticsearch('application/vnd.elasticsearch+json; compatible-with=8', null)).toBe(true);
    expect(wantsElasticsearch(null, 'Go-http-client/1.1')).toBe(true);
    expect(wantsElasticsearch('*/*', 'Filebeat/8.17.0')).toBe(true);
    expect(wantsElasticsearch('text/html,application/xhtml+xml,*/*', 'Mozilla/5.0')).toBe(false);
    expect(wantsElasticsearch('*/*', 'node')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { createAttributor, hashKey } from '@/lib/llm/attribution';

describe('attribution mapping', () => {
  it('labels a mapped user-agent field by product, other mapped fields as they are, keys by hash', () => {
    const line = { user_agent: 'claude-cli/1.0.61 (external, cli)', tool: 'Zed', 'x-api-key': 'sk-raw-1', user: 'ana' };
    expect(createAttributor({ client: 'user_agent' })(line)).toEqual({ client: 'claude-cli', user: 'ana' });
    expect(createAttributor({ client: 'tool', user: 'user' })(line)).toEqual({ client: 'Zed', user: 'ana' });
    expect(createAttributor(null)(line)).toEqual({ client: hashKey('sk-raw-1'), user: 'ana' });
    // A key already hashed at ingest keeps its label: the same client as the raw key.
    expect(createAttributor(null)({ 'x-api-key': hashKey('sk-raw-1') })).toEqual({
      client: hashKey('sk-raw-1'),
      user: null,
    });
  });
});

import { expect } from 'vitest';
import { Unread } from '@/lib/otlp/proto-reader';

type Rand = (n: number) => number;

/**
 * Corrupts bodies at random (a fixed seed: the same trials every run) and checks each against protobufjs: the
 * hand-written reader gives protobufjs's object (or refuses what it refuses), or leaves the body to it (`Unread`).
 */
export function compareOnCorruptions(opts: {
  seed: number;
  body: (rand: Rand) => Buffer;
  maxMutations: number;
  reference: (body: Buffer) => unknown;
  reader: (body: Buffer) => unknown;
}): { read: number; left: number } {
  let seed = opts.seed;
  const rand: Rand = (n) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  let read = 0;
  let left = 0;
  for (let k = 0; k < 3_000; k++) {
    const body = opts.body(rand);
    for (let m = 1 + rand(opts.maxMutations); m > 0; m--) body[rand(body.length)] = rand(256);
    const cut = rand(4) === 0 ? body.subarray(0, rand(body.length)) : body;
    let expected: unknown;
    try {
      expected = opts.reference(cut);
    } catch {
      expected = 'refused';
    }
    try {
      const got = opts.reader(cut);
      read++;
      expect(got).toEqual(expected);
    } catch (err) {
      if (!(err instanceof Unread)) throw err;
      left++;
    }
  }
  return { read, left };
}

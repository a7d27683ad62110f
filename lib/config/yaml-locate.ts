import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/**
 * The 1-based line of a key path in a YAML text: the key itself where it exists, else the deepest
 * ancestor that does (a missing `url` points at its target's entry). Null when the text has no such root.
 */
export function lineOfPath(text: string, path: readonly (string | number)[]): number | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0] ?? null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg]) {
      node = node.items[seg];
      offset = (node as Node).range?.[0] ?? offset;
    } else break;
  }
  return offset === null ? null : counter.linePos(offset).line;
}

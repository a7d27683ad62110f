import type { SyntaxNode } from '@lezer/common';
import { anchoredRegex, type Matcher } from '../series-source';
import type { VectorSelector } from './ast';
import { unquote } from './parse-literals';

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function convertSelector(node: SyntaxNode, src: string): VectorSelector {
  const matchers: Matcher[] = [];
  for (const c of children(node)) {
    if (c.name === 'Identifier') matchers.push({ name: '__name__', op: '=', value: src.slice(c.from, c.to) });
    if (c.name !== 'LabelMatchers') continue;
    for (const m of children(c)) {
      const parts = children(m);
      if (m.name === 'QuotedLabelName') {
        matchers.push({ name: '__name__', op: '=', value: unquote(src.slice(m.from, m.to)) });
        continue;
      }
      const nameNode = parts[0];
      const name =
        nameNode.name === 'QuotedLabelName'
          ? unquote(src.slice(nameNode.from, nameNode.to))
          : src.slice(nameNode.from, nameNode.to);
      const op = src.slice(parts[1].from, parts[1].to) as Matcher['op'];
      matchers.push({ name, op, value: unquote(src.slice(parts[2].from, parts[2].to)) });
    }
  }
  if (!matchers.some((m) => !matchesEmpty(m))) {
    throw new Error(`vector selector must contain at least one non-empty matcher: ${src.slice(node.from, node.to)}`);
  }
  return { kind: 'vector', matchers, offsetMs: 0, at: null };
}

function matchesEmpty(m: Matcher): boolean {
  if (m.op === '=') return m.value === '';
  if (m.op === '!=') return m.value !== '';
  const re = anchoredRegex(m.value);
  return m.op === '=~' ? re.test('') : !re.test('');
}

export function labelText(n: SyntaxNode, src: string): string {
  const t = src.slice(n.from, n.to);
  return n.name === 'QuotedLabelName' || t.startsWith('"') ? unquote(t) : t;
}

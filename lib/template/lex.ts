/** Tokens of text/template's action language; `pos` is the offset into the template text. */
export type TokenType =
  | 'text'
  | 'left'
  | 'right'
  | 'comment'
  | 'space'
  | 'field'
  | 'dot'
  | 'variable'
  | 'identifier'
  | 'keyword'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'comma'
  | 'eof';
export type Token = { type: TokenType; value: string; pos: number };

const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'define', 'template', 'block', 'break', 'continue']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const ALNUM = /[\p{L}\p{Nd}_]/u;
const isAlnum = (c: string | undefined) =>
  c !== undefined &&
  ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c === '_' || (c > '\x7f' && ALNUM.test(c)));

/** Splits a template into tokens exactly where Go's lexer does; trim markers remove adjacent ASCII spaces. */
export function lex(input: string, fail: (msg: string, pos: number) => never): Token[] {
  const out: Token[] = [];
  let pos = 0;
  let trimNext = false;
  while (pos < input.length) {
    let start = input.indexOf('{{', pos);
    if (start < 0) start = input.length;
    let text = input.slice(pos, start);
    if (trimNext) {
      const trimmed = trimLeft(text);
      pos += text.length - trimmed.length;
      text = trimmed;
    }
    const trimLeftMarker = start < input.length && input[start + 2] === '-' && isSpace(input[start + 3]);
    if (trimLeftMarker) text = trimRight(text);
    if (text) out.push({ type: 'text', value: text, pos });
    if (start >= input.length) break;
    const r = lexAction(input, start, trimLeftMarker ? start + 4 : start + 2, out, fail);
    pos = r.end;
    trimNext = r.trim;
  }
  out.push({ type: 'eof', value: '', pos: input.length });
  return out;
}

function trimLeft(s: string): string {
  let i = 0;
  while (isSpace(s[i])) i++;
  return s.slice(i);
}

function trimRight(s: string): string {
  let i = s.length;
  while (i > 0 && isSpace(s[i - 1])) i--;
  return s.slice(0, i);
}

function atRight(input: string, p: number): { trim: boolean; end: number } | null {
  if (isSpace(input[p]) && input[p + 1] === '-' && input.startsWith('}}', p + 2)) return { trim: true, end: p + 4 };
  if (input.startsWith('}}', p)) return { trim: false, end: p + 2 };
  return null;
}

function lexAction(
  input: string,
  delimPos: number,
  from: number,
  out: Token[],
  fail: (m: string, p: number) => never,
): { end: number; trim: boolean } {
  let p = from;
  if (input.startsWith('/*', p)) {
    const close = input.indexOf('*/', p + 2);
    if (close < 0) fail('unclosed comment', p);
    const r = atRight(input, close + 2);
    if (!r) fail('comment ends before closing delimiter', p);
    out.push({ type: 'comment', value: input.slice(p, close + 2), pos: p });
    return r;
  }
  out.push({ type: 'left', value: '{{', pos: delimPos });
  let parens = 0;
  for (;;) {
    const r = atRight(input, p);
    if (r && parens === 0) {
      out.push({ type: 'right', value: '}}', pos: p });
      return r;
    }
    const c = input[p];
    if (c === undefined) fail('unclosed action', delimPos);
    const [type, end] = token(input, p, c, fail);
    if (type === 'leftParen') parens++;
    else if (type === 'rightParen' && --parens < 0) fail('unexpected right paren', p);
    out.push({ type, value: input.slice(p, end), pos: p });
    p = end;
  }
}

/** The token starting at p: its type and where it ends. */
function token(input: string, p: number, c: string, fail: (m: string, p: number) => never): [TokenType, number] {
  if (isSpace(c)) {
    let e = p;
    while (isSpace(input[e]) && !atRight(input, e)?.trim) e++;
    return ['space', e === p ? p + 1 : e];
  }
  switch (c) {
    case '=':
      return ['assign', p + 1];
    case ':':
      if (input[p + 1] !== '=') fail('expected :=', p);
      return ['declare', p + 2];
    case '|':
      return ['pipe', p + 1];
    case ',':
      return ['comma', p + 1];
    case '(':
      return ['leftParen', p + 1];
    case ')':
      return ['rightParen', p + 1];
    case '"':
      return ['string', scanQuote(input, p, '"', fail)];
    case "'":
      return ['char', scanQuote(input, p, "'", fail)];
    case '`': {
      const e = input.indexOf('`', p + 1);
      if (e < 0) fail('unterminated raw quoted string', p);
      return ['rawString', e + 1];
    }
    case '$':
      return ['variable', scanWord(input, p + 1)];
  }
  if (c === '.' && !isDigit(input[p + 1])) {
    const e = scanWord(input, p + 1);
    return [e === p + 1 ? 'dot' : 'field', e];
  }
  if (isDigit(c) || c === '+' || c === '-' || c === '.') return ['number', scanNumber(input, p, fail)];
  if (isAlnum(c)) {
    const e = scanWord(input, p);
    const w = input.slice(p, e);
    return [
      KEYWORDS.has(w) ? 'keyword' : w === 'true' || w === 'false' ? 'bool' : w === 'nil' ? 'nil' : 'identifier',
      e,
    ];
  }
  return fail(`unrecognized character in action: ${JSON.stringify(c)}`, p);
}

function scanWord(input: string, p: number): number {
  let e = p;
  while (isAlnum(input[e])) e++;
  return e;
}

function scanQuote(input: string, p: number, q: string, fail: (m: string, p: number) => never): number {
  let e = p + 1;
  while (input[e] !== q) {
    if (input[e] === '\\') e++;
    if (e >= input.length || input[e] === '\n')
      fail(q === '"' ? 'unterminated quoted string' : 'unterminated character constant', p);
    e++;
  }
  return e + 1;
}

const NUMBER =
  /[+-]?(0[xX][0-9a-fA-F_]*\.?[0-9a-fA-F_]*(?:[pP][+-]?[0-9_]+)?|0[bB][01_]+|0[oO][0-7_]+|[0-9_]*\.?[0-9_]*(?:[eE][+-]?[0-9_]+)?)i?/y;

function scanNumber(input: string, p: number, fail: (m: string, p: number) => never): number {
  NUMBER.lastIndex = p;
  const m = NUMBER.exec(input);
  const e = p + (m ? m[0].length : 0);
  if (e === p || isAlnum(input[e]))
    fail(`bad number syntax: ${JSON.stringify(input.slice(p, scanWord(input, e) + (e === p ? 1 : 0)))}`, p);
  return e;
}

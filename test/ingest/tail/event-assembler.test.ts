import { describe, expect, it } from 'vitest';
import { EventAssembler } from '@/lib/ingest/tail/event-assembler';

const JAVA = [
  '2024-01-02 03:04:05.678 ERROR 4242 --- [nio-8080-exec-1] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception',
  'java.lang.IllegalStateException: order 17 has no lines',
  '\tat com.example.shop.OrderService.total(OrderService.java:88)',
  '\tat com.example.shop.OrderController.show(OrderController.java:41)',
  'Caused by: java.lang.NullPointerException: null',
  '\tat com.example.shop.Lines.sum(Lines.java:12)',
  '\t... 52 common frames omitted',
];
const PYTHON = [
  '2024-01-02 03:04:06,001 - shop.api - ERROR - request failed',
  'Traceback (most recent call last):',
  '  File "/app/shop/api.py", line 31, in handle',
  '    total = order.total()',
  '  File "/app/shop/orders.py", line 12, in total',
  '    return sum(l.price for l in self.lines)',
  "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'",
];

function assemble(lines: string[], opts = { multiline: true, maxEventLines: 500, maxEventChars: 65_536 }) {
  const a = new EventAssembler(opts);
  const out: string[] = [];
  let pos = 0;
  for (const l of lines) {
    a.push(l, false, pos, Buffer.byteLength(l) + 1, 0, (e) => out.push(e.text));
    pos += Buffer.byteLength(l) + 1;
  }
  const held = a.heldFrom;
  a.flush((e) => out.push(e.text));
  return { out, held };
}

describe('EventAssembler: multi-line events', () => {
  it('joins a Java stack trace and a Python traceback to the lines that logged them', () => {
    const next = '2024-01-02 03:04:07,000 - shop.api - INFO - ok';
    const { out } = assemble([...JAVA, ...PYTHON, next]);
    expect(out).toEqual([JAVA.join('\n'), PYTHON.join('\n'), next]);
  });

  it('holds the last event and says where it starts, so the committed offset never passes it', () => {
    const { out, held } = assemble(['first line', ...JAVA]);
    expect(held).toBe(Buffer.byteLength('first line\n'));
    expect(out).toEqual(['first line', JAVA.join('\n')]);
  });

  it('bounds an event by lines; the rest starts a new event', () => {
    const frames = Array.from({ length: 12 }, (_, i) => `\tat x.Y.m${i}(Y.java:${i})`);
    const { out } = assemble(['boom', ...frames], { multiline: true, maxEventLines: 5, maxEventChars: 65_536 });
    expect(out[0].split('\n')).toHaveLength(5);
    expect(out.join('\n')).toBe(['boom', ...frames].join('\n'));
  });

  it('joins split container lines, then their stack trace, and keeps compose services apart', () => {
    const docker = (log: string) => JSON.stringify({ log, stream: 'stderr', time: '2024-01-02T03:04:05.1Z' });
    const { out } = assemble([
      docker('Exception in thread "main" java.lang.'),
      docker('RuntimeException: boom\n'),
      docker('\tat Main.main(Main.java:3)\n'),
    ]);
    expect(out).toEqual(['Exception in thread "main" java.lang.RuntimeException: boom\n\tat Main.main(Main.java:3)']);
    const compose = assemble([
      'api-1  | failed',
      'api-1  |     at x.Y.z(Y.java:1)',
      'web-1  |   indented but another service',
    ]);
    expect(compose.out).toEqual(['failed\n    at x.Y.z(Y.java:1)', '  indented but another service']);
  });

  it('leaves every line its own event when multi-line is off', () => {
    const { out, held } = assemble(JAVA.slice(0, 3), { multiline: false, maxEventLines: 500, maxEventChars: 65_536 });
    expect(out).toEqual(JAVA.slice(0, 3));
    expect(held).toBeNull();
  });
});

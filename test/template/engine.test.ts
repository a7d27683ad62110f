import { describe, expect, it } from 'vitest';
import { GoMap, Template, type Value } from '@/lib/template';

const data: Value = {
  S: 'x',
  F: 2.5,
  I: 3n,
  List: ['p', 'q'],
  Empty: [],
  M: GoMap.of({ k1: 'v1', k0: 'v0' }, ''),
  Nested: { Inner: { Name: 'deep' } },
};
const run = (text: string, d: Value = data, missingKey: 'default' | 'zero' | 'error' = 'default') =>
  new Template('t', { missingKey }).parse(text).execute(d);

describe('trim markers, as Go trims them', () => {
  it.each([
    ['a  {{- .S -}}  b', 'axb'],
    ['a \t\r\n{{- .S }}\n b', 'ax\n b'],
    ['a {{ .S -}} \n\t b', 'a xb'],
    // Only ASCII space, tab, CR and LF are trimmed: a no-break space and a vertical tab stay.
    ['a\u00a0{{- .S -}}\u000b b', 'a\u00a0x\u000b b'],
    // Without the space the dash belongs to the operand: {{-3}} prints -3.
    ['a {{-3}} b', 'a -3 b'],
    ['x\n  {{- /* comment */ -}}\n  y', 'xy'],
    ['x {{/* kept spaces */}} y', 'x  y'],
    ['{{- if true -}}\n  yes\n{{- end -}}\n', 'yes'],
    ['{{ range .List -}}\n  {{ . }}\n{{- end }}', 'pq'],
  ])('%j → %j', (tmpl, want) => expect(run(tmpl)).toBe(want));
});

describe('control flow and variables', () => {
  it.each([
    ['{{ if eq .S "y" }}Y{{ else if eq .S "x" }}X{{ else }}Z{{ end }}', 'X'],
    ['{{ if .Empty }}full{{ else }}empty{{ end }}', 'empty'],
    ['{{ range $i, $x := .List }}{{ $i }}={{ $x }};{{ end }}', '0=p;1=q;'],
    ['{{ range $x := .List }}{{ $x }}{{ end }}', 'pq'],
    ['{{ range .Empty }}x{{ else }}none{{ end }}', 'none'],
    ['{{ range $k, $v := .M }}{{ $k }}:{{ $v }} {{ end }}', 'k0:v0 k1:v1 '],
    ['{{ range .List }}{{ if eq . "q" }}{{ break }}{{ end }}{{ . }}{{ end }}', 'p'],
    ['{{ range .List }}{{ if eq . "p" }}{{ continue }}{{ end }}{{ . }}{{ end }}', 'q'],
    ['{{ with .Nested.Inner }}{{ .Name }}{{ end }}', 'deep'],
    ['{{ with .Empty }}x{{ else }}nothing{{ end }}', 'nothing'],
    ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}', '2'],
    ['{{ $x := "outer" }}{{ with .S }}{{ $x := "inner" }}{{ $x }}{{ end }} {{ $x }}', 'inner outer'],
    ['{{ range .List }}{{ $.S }}{{ end }}', 'xx'],
    ['{{ define "t2" }}[{{ . }}]{{ end }}{{ template "t2" .S }}', '[x]'],
    ['{{ block "b" .F }}<{{ . }}>{{ end }}', '<2.5>'],
    ['{{ (index .List 1) }} {{ len (print "abc") }} {{ "x" | printf "%s-%s" "y" }}', 'q 3 y-x'],
    ['{{ .Nested.Inner.Name }} {{ $.Nested.Inner.Name }}', 'deep deep'],
  ])('%j → %j', (tmpl, want) => expect(run(tmpl)).toBe(want));
});

describe('builtins and printing, as Go prints values', () => {
  it.each([
    ['{{ .S }} {{ .F }} {{ .I }} {{ .List }} {{ .M }} {{ .Nested }}', 'x 2.5 3 [p q] map[k0:v0 k1:v1] {{deep}}'],
    [
      "{{ 1e6 }} {{ 1.5 }} {{ 0x10 }} {{ 'a' }} {{ 1000000 }} {{ 0.000001 }} {{ true }} {{ print nil }}",
      '1e+06 1.5 16 97 1000000 1e-06 true <nil>',
    ],
    ['{{ and 1 0 }} {{ and 1 2 }} {{ or 0 "" "z" }} {{ or 0 "" }} {{ not true }} {{ not "" }}', '0 2 z  false true'],
    [
      '{{ eq .S "a" "x" }} {{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt 1.5 2.5 }} {{ ge "b" "a" }}',
      'true true true true false true',
    ],
    [
      '{{ len .List }} {{ len .M }} {{ len "héllo" }} {{ index .List 0 }} {{ index .M "k1" }} {{ index .M "none" }}',
      '2 2 6 p v1 ',
    ],
    ['{{ slice "abcdef" 1 3 }} {{ slice .List 1 }}', 'bc [q]'],
    ['{{ print 1 2 "x" 3 }}|{{ println 1 "a" }}|{{ print }}', '1 2x3|1 a\n|'],
    [
      '{{ printf "%5.2f|%d|%s|%q|%v|%x|%t|%e|%-4s|%03d" 3.14159 42 "s" "q" .List 255 true 1234.5678 "ab" 7 }}',
      ' 3.14|42|s|"q"|[p q]|ff|true|1.234568e+03|ab  |007',
    ],
    ['{{ printf "%d" 2.5 }} {{ printf "%s" }} {{ printf "x" 1 }}', '%!d(float64=2.5) %!s(MISSING) x%!(EXTRA int=1)'],
    ['{{ html "<a href=\'x\'>&</a>" }}', '&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;'],
    ['{{ js "<a=\'b\'>\\t\\"" }}', "\\u003Ca\\u003D\\'b\\'\\u003E\\u0009\\\""],
    ['{{ urlquery "a b/c?d=e&f" }} {{ "é" | urlquery }}', 'a+b%2Fc%3Fd%3De%26f %C3%A9'],
    ['{{ "raw" }} {{ `back\\tick` }} {{ "tab\\there" }}', 'raw back\\tick tab\there'],
  ])('%j → %j', (tmpl, want) => expect(run(tmpl)).toBe(want));

  it('missing keys: <no value> by default, the zero value with missingkey=zero, an error with missingkey=error', () => {
    expect(run('{{ .M.nope }}')).toBe('<no value>');
    expect(run('{{ .M.nope }}', data, 'zero')).toBe('');
    expect(() => run('{{ .M.nope }}', data, 'error')).toThrow('map has no entry for key "nope"');
  });
});

describe('errors name the template, position and action as Go does', () => {
  it.each([
    [
      '{{ gt 1 1.5 }}',
      'template: t:1:3: executing "t" at <gt 1 1.5>: error calling gt: incompatible types for comparison',
    ],
    // A chained operand is positioned at its first chained field (promtool reports the same for $labels.job.x).
    ['{{ .S.Field }}', `template: t:1:5: executing "t" at <.S.Field>: can't evaluate field Field in type string`],
    ['{{ 1 2 }}', `template: t:1:3: executing "t" at <1 2>: can't give argument to non-function 1`],
    [
      'line\n {{ index .List 5 }}',
      'template: t:2:4: executing "t" at <index .List 5>: error calling index: index out of range: 5',
    ],
    ['{{ template "nope" }}', 'template "nope" not defined'],
    ['{{ nofunc 1 }}', 'template: t:1: function "nofunc" not defined'],
    ['{{ if 1 }}', 'template: t:1: unexpected EOF'],
    ['{{ $u }}', 'template: t:1: undefined variable "$u"'],
    ['{{ end }}', 'template: t:1: unexpected {{end}}'],
    ['{{ "a" | 1 }}', 'template: t:1: non executable command in pipeline stage 2'],
    ['{{ break }}', 'template: t:1: {{break}} outside {{range}}'],
    ['{{/* open', 'template: t:1: unclosed comment'],
    ['{{ "open }}', 'template: t:1: unterminated quoted string'],
  ])('%j', (tmpl, msg) => expect(() => run(tmpl)).toThrow(msg));
});

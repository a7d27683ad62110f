/**
 * Alert annotation templates and what Prometheus 2.42 (`promtool test rules`) renders for the
 * alert `up{job="api", instance="h:1"} = 1234.5678`. The differential test re-checks them
 * against promtool when it is installed (and requires it when CI=true).
 */
export const PROMTOOL_SERIES = { labels: { __name__: 'up', instance: 'h:1', job: 'api' }, value: 1234.5678 };

export const PROMTOOL_CASES: [string, string][] = [
  ['[{{ $labels.missing }}]', '[]'],
  ['a  {{- $labels.job -}}  b', 'aapib'],
  ['a\t\r\n{{- $value }}\n b', 'a1234.5678\n b'],
  ['x\n  {{- /* c */ -}}\n  y', 'xy'],
  ['{{ if gt $value 1000.0 }}big{{ else if gt $value 1.0 }}mid{{ else }}small{{ end }}', 'big'],
  [
    '{{ gt $value 0 }}',
    '<error expanding template: error executing template __alert_C5: template: __alert_C5:1:115: executing "__alert_C5" at <gt $value 0>: error calling gt: incompatible types for comparison>',
  ],
  [
    "{{ $value }}|{{ .Value }}|{{ 1000000 }}|{{ 1e6 }}|{{ 2.5 }}|{{ 0x1F }}|{{ 'a' }}|{{ -3 }}",
    '1234.5678|1234.5678|1000000|1e+06|2.5|31|97|-3',
  ],
  [
    '{{ .Labels }}|{{ $externalLabels }}|[{{ $externalURL }}]|{{ .Labels.job }}|{{ index $labels "instance" }}|{{ index $labels "nope" }}',
    'map[__name__:up instance:h:1 job:api]|map[]|[]|api|h:1|',
  ],
  ['{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}', '__name__=up;instance=h:1;job=api;'],
  [
    '{{ range $i, $x := args 1 "two" 3.5 }}{{ $i }}={{ $x }};{{ end }}|{{ (args 7).arg0 }}',
    'arg0=1;arg1=two;arg2=3.5;|7',
  ],
  ['{{ with $labels.job }}job={{ . }}{{ end }}{{ with $labels.nope }}x{{ else }}-none{{ end }}', 'job=api-none'],
  [
    '{{ define "sub" }}<{{ . }}>{{ end }}{{ template "sub" $labels.job }}{{ block "blk" $value }}[{{ . }}]{{ end }}',
    '<api>[1234.5678]',
  ],
  ['{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}|{{ len $labels }}|{{ len "héllo" }}', '2|3|6'],
  [
    '{{ and 1 0 }}|{{ or 0 "" "z" }}|{{ not true }}|{{ eq $labels.job "x" "api" }}|{{ ne 1 2 }}|{{ le 2 2 }}|{{ ge "b" "a" }}',
    '0|z|false|true|true|true|true',
  ],
  ['{{ print 1 2 "x" 3 }}|{{ println 1 "a" }}|{{ print nil }}|{{ slice "abcdef" 1 3 }}', '1 2x3|1 a\n|<nil>|bc'],
  [
    '{{ printf "%5.2f|%d|%s|%q|%v|%x|%t|%e|%-4s|%03d|%g|%.3g" 3.14159 42 "s" "q" 1e21 255 true 1234.5678 "ab" 7 0.0001 123456.0 }}',
    ' 3.14|42|s|"q"|1e+21|ff|true|1.234568e+03|ab  |007|0.0001|1.23e+05',
  ],
  [
    '{{ printf "%d" $value }}|{{ printf "%s" }}|{{ printf "x" 1 }}|{{ $value | printf "%.1f" }}',
    '%!d(float64=1234.5678)|%!s(MISSING)|x%!(EXTRA int=1)|1234.6',
  ],
  [
    '{{ html "<a href=\'x\'>&</a>" }}|{{ js "<a=\'b\'>\\t" }}|{{ urlquery "a b/c?d=e&f" }}',
    "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;|\\u003Ca\\u003D\\'b\\'\\u003E\\u0009|a+b%2Fc%3Fd%3De%26f",
  ],
  [
    '{{ humanize $value }}|{{ humanize 0.000123 }}|{{ humanize 0 }}|{{ humanize "1234.5" }}|{{ humanize 1e30 }}',
    '1.235k|123u|0|1.234k|1e+06Y',
  ],
  [
    '{{ humanize1024 512 }}|{{ humanize1024 1048576 }}|{{ humanize1024 1.5e12 }}|{{ humanize1024 -2048 }}',
    '512|1Mi|1.364Ti|-2ki',
  ],
  [
    '{{ humanizeDuration 3725 }}|{{ humanizeDuration 90061 }}|{{ humanizeDuration -90.5 }}|{{ humanizeDuration 0.0001234 }}|{{ humanizeDuration 0 }}|{{ humanizeDuration 1.5 }}',
    '1h 2m 5s|1d 1h 1m 1s|-1m 30s|123.4us|0s|1.5s',
  ],
  [
    '{{ humanizePercentage 0.1234 }}|{{ humanizePercentage 1 }}|{{ humanizeTimestamp 1435065584.128 }}|{{ humanizeTimestamp 0 }}|{{ toTime 1435065584.128 }}',
    '12.34%|100%|2015-06-23 13:19:44.128 +0000 UTC|1970-01-01 00:00:00 +0000 UTC|2015-06-23 13:19:44.128 +0000 UTC',
  ],
  [
    '{{ title "o\'neil foo_bar x-y" }}|{{ toUpper "ab" }}|{{ toLower "AB" }}|{{ match "^h" "hello" }}|{{ match "x$" "hello" }}',
    "O'Neil Foo_bar X-Y|AB|ab|true|false",
  ],
  [
    '{{ reReplaceAll "(a)(b)?" "[$1x|${1}x|$2]" "abac" }}|{{ reReplaceAll "(?P<w>o+)" "<${w}>" "foo" }}|{{ safeHtml "<b>" }}',
    '[|ax|b][|ax|]c|f<oo>|<b>',
  ],
  [
    '{{ stripPort "[::1]:80" }}|{{ stripPort "h:9090" }}|{{ stripPort "plain" }}|{{ stripDomain "foo.example.com:9090" }}|{{ stripDomain "10.0.0.1:80" }}|{{ stripDomain "a.b" }}',
    '::1|h|plain|foo:9090|10.0.0.1:80|a',
  ],
  [
    '{{ graphLink "up > 0" }}|{{ tableLink "a b" }}|{{ parseDuration "1h5m" }}',
    '/graph?g0.expr=up+%3E+0&g0.tab=0|/graph?g0.expr=a+b&g0.tab=1|3900',
  ],
  [
    '{{ $labels.job | toUpper | printf "%s!" }}|{{ $value | humanize }}|{{ .Labels.instance | reReplaceAll ":.*" "" }}',
    'API!|1.235k|h',
  ],
  [
    '{{ humanize "abc" }}',
    '<error expanding template: error executing template __alert_C27: template: __alert_C27:1:115: executing "__alert_C27" at <humanize "abc">: error calling humanize: strconv.ParseFloat: parsing "abc": invalid syntax>',
  ],
  [
    '{{ index $labels 1 }}',
    '<error expanding template: error executing template __alert_C28: template: __alert_C28:1:115: executing "__alert_C28" at <index $labels 1>: error calling index: value has type int; should be string>',
  ],
  [
    '{{ .Nope }}',
    '<error expanding template: error executing template __alert_C29: template: __alert_C29:1:115: executing "__alert_C29" at <.Nope>: can\'t evaluate field Nope in type struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }>',
  ],
  [
    '{{ $labels.job.x }}',
    '<error expanding template: error executing template __alert_C30: template: __alert_C30:1:122: executing "__alert_C30" at <$labels.job.x>: can\'t evaluate field x in type string>',
  ],
  ['{{- if true -}}\n  yes\n{{- else -}}\n  no\n{{- end -}}\n', 'yes'],
  ['a {{- "" -}}\n\n b {{/* x */}} c\t{{- /* y */}}d', 'ab  cd'],
  ['{{ range $i, $e := args "a" "b" -}}\n  [{{ $i }}:{{ $e }}]\n{{- end }}', '[arg0:a][arg1:b]'],
  ['{{ $x := "s" }}{{ range $k, $v := $labels }}{{ $x = $k }}{{ end }}{{ $x }}', 'job'],
  [
    '{{ printf "%v|%s|%d|%5.1f|%-6v|%+d|%x" $labels 42 "s" 3.14159 "ab" 5 "hi" }}',
    'map[__name__:up instance:h:1 job:api]|%!s(int=42)|%!d(string=s)|  3.1|ab    |+5|6869',
  ],
  ['{{ printf "%T %T %T %T" 1 1.5 "s" true }}|{{ printf "%6.2f%%" 12.3456 }}', 'int float64 string bool| 12.35%'],
  [
    '{{ print 1.0 }}|{{ print 100000000.0 }}|{{ print 0.1 }}|{{ print -0.0 }}|{{ 1e-7 }}|{{ 123456789 }}',
    '1|1e+08|0.1|-0|1e-07|123456789',
  ],
  ['{{ if and (eq $labels.job "api") (ge $value 1000.0) }}both{{ end }}|{{ or $labels.nope "dflt" }}', 'both|dflt'],
  ['{{ $labels.job }}\u00a0{{- "x" }}|{{ "tab\\tnew\\nline" }}|{{ `raw\\n` }}', 'api\u00a0x|tab\tnew\nline|raw\\n'],
  ['{{ len (args 1 2 3) }}|{{ index (args "x" "y") "arg1" }}|{{ slice "héllo" 1 3 }}', '3|y|é'],
];

import { sortedPairs, type TemplateData } from './template-data';

const FUNCS: Record<string, (s: string) => string> = {
  toUpper: (s) => s.toUpperCase(),
  toLower: (s) => s.toLowerCase(),
  title: (s) => s.replace(/\b\w/g, (c) => c.toUpperCase()),
};

/**
 * The subset of Alertmanager notification templates Lookout renders: literal text,
 * {{ template "slack.default.*" . }}, {{ .Status }}, {{ .Receiver }}, {{ .ExternalURL }},
 * {{ .GroupLabels.x }}, {{ .CommonLabels.x }}, {{ .CommonAnnotations.x }}, piped to toUpper/toLower/title.
 * Anything else throws naming the action (checked at config load with checkAmTemplate).
 */
export function renderAmTemplate(text: string, d: TemplateData, defs: Record<string, string>): string {
  return text.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, (_m, action: string) => {
    const [head, ...pipes] = action.split('|').map((s) => s.trim());
    let value = operand(head, d, defs, action);
    for (const p of pipes) {
      const f = FUNCS[p];
      if (!f) throw new Error(`unsupported template function "${p}" in "{{ ${action} }}"`);
      value = f(value);
    }
    return value;
  });
}

function operand(head: string, d: TemplateData, defs: Record<string, string>, action: string): string {
  const tmpl = /^template\s+"([^"]+)"\s+\.$/.exec(head);
  if (tmpl) {
    const v = defs[tmpl[1]];
    if (v === undefined) throw new Error(`unknown template "${tmpl[1]}"`);
    return v;
  }
  if (head === '.Status') return d.status;
  if (head === '.Receiver') return d.receiver;
  if (head === '.ExternalURL') return d.externalURL;
  const kv = /^\.(GroupLabels|CommonLabels|CommonAnnotations)\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(head);
  if (kv) {
    const map = kv[1] === 'GroupLabels' ? d.groupLabels : kv[1] === 'CommonLabels' ? d.commonLabels : d.commonAnnotations;
    return map[kv[2]] ?? '';
  }
  const values = /^\.(GroupLabels|CommonLabels)\.SortedPairs\.Values\s*$/.exec(head);
  if (values) return sortedPairs(values[1] === 'GroupLabels' ? d.groupLabels : d.commonLabels).map(([, v]) => v).join(' ');
  throw new Error(`unsupported template action "{{ ${action} }}"`);
}

export function checkAmTemplate(text: string): void {
  const d: TemplateData = {
    receiver: '',
    status: 'firing',
    alerts: [],
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: '',
  };
  const names = ['title', 'username', 'titlelink', 'fallback', 'pretext', 'text', 'iconemoji', 'iconurl', 'callbackid', 'footer'];
  renderAmTemplate(text, d, Object.fromEntries(names.map((n) => [`slack.default.${n}`, ''])));
}

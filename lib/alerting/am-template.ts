import { Template, type Value } from '@/lib/template';
import { alertList, alertmanagerFuncs, kv } from '@/lib/template/alertmanager-funcs';
import { memo } from '@/lib/template/cache';
import { goTime } from '@/lib/template/go-time';
import { DEFAULT_TEMPLATES } from './default-templates';
import { EMAIL_TEMPLATES } from './email-templates';
import { htmlTemplateEscaper, stripHtmlComments } from './html-escape';
import { LATER_TEMPLATES } from './later-templates';
import type { TemplateData } from './template-data';

let defaults: Template | null = null;

function base(now?: () => number): Template {
  if (!now) {
    defaults ??= new Template('', { funcs: alertmanagerFuncs(), missingKey: 'zero' })
      .parse(DEFAULT_TEMPLATES, 'default.tmpl')
      .parse(EMAIL_TEMPLATES, 'email.tmpl')
      .parse(LATER_TEMPLATES, 'later.tmpl');
    return defaults.clone();
  }
  return new Template('', { funcs: alertmanagerFuncs(now), missingKey: 'zero' })
    .parse(DEFAULT_TEMPLATES, 'default.tmpl')
    .parse(EMAIL_TEMPLATES, 'email.tmpl')
    .parse(LATER_TEMPLATES, 'later.tmpl');
}

const parsed = memo(1_000, (text) => base().parse(text));

/** Alertmanager's template.Data as Go templates see it: .Alerts.Firing, .CommonLabels.SortedPairs, … */
export function amTemplateData(d: TemplateData): Value {
  let v = converted.get(d);
  if (!v) converted.set(d, (v = convert(d)));
  return v;
}

// A message renders a dozen fields from one TemplateData: convert it once.
const converted = new WeakMap<TemplateData, Value>();

function convert(d: TemplateData): Value {
  return {
    Receiver: d.receiver,
    Status: d.status,
    Alerts: alertList(
      d.alerts.map((a) => ({
        Status: a.status,
        Labels: kv(a.labels),
        Annotations: kv(a.annotations),
        StartsAt: goTime(Date.parse(a.startsAt)),
        EndsAt: goTime(Date.parse(a.endsAt)),
        GeneratorURL: a.generatorURL,
        Fingerprint: a.fingerprint,
      })),
    ),
    GroupLabels: kv(d.groupLabels),
    CommonLabels: kv(d.commonLabels),
    CommonAnnotations: kv(d.commonAnnotations),
    ExternalURL: d.externalURL,
  };
}

/**
 * Renders a notification template field as Alertmanager's ExecuteTextString does: Go text/template
 * with missingkey=zero, Alertmanager's functions, and every template of its default.tmpl defined.
 */
export function renderAmTemplate(text: string, d: TemplateData, now?: () => number): string {
  if (text === '') return '';
  return (now ? base(now).parse(text) : parsed(text)).execute(amTemplateData(d));
}

/**
 * As Alertmanager's ExecuteHTMLString (Go html/template): every printed value is escaped for where it
 * lands (text, attribute, URL), and HTML comments in the template text are dropped.
 */
export function renderAmHtmlTemplate(text: string, d: TemplateData): string {
  if (text === '') return '';
  return stripHtmlComments(parsed(text).execute(amTemplateData(d), '', htmlTemplateEscaper));
}

/** Parses a template field at config load, so a typo is a config error. */
export function checkAmTemplate(text: string): void {
  base().parse(text);
}

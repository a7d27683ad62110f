import { GoMap, Template, TemplateError, withType } from '@/lib/template';
import { memo } from '@/lib/template/cache';
import { PROMETHEUS_UNSUPPORTED, prometheusFuncs } from '@/lib/template/prometheus-funcs';

export type TemplateData = {
  labels: Record<string, string>;
  value: number;
  externalLabels?: Record<string, string>;
  externalURL?: string;
  /** Names the template `__alert_<name>` in error messages, as Prometheus does. */
  alertName?: string;
};

const DATA_TYPE =
  'struct { Labels map[string]string; ExternalLabels map[string]string; ExternalURL string; Value float64 }';
// Prometheus prepends these, so error columns count them too (rules/alerting.go).
const DEFS =
  '{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}';

const funcsFor = memo(16, (externalURL) => prometheusFuncs({ externalURL }));
const parsed = memo(2_000, (key) => {
  const [name, externalURL, text] = JSON.parse(key) as [string, string, string];
  return new Template(name, {
    funcs: funcsFor(externalURL),
    missingKey: 'zero',
    unsupported: PROMETHEUS_UNSUPPORTED,
  }).parse(DEFS + text);
});

function compile(text: string, d: Pick<TemplateData, 'externalURL' | 'alertName'>): Template {
  return parsed(JSON.stringify([`__alert_${d.alertName ?? ''}`, d.externalURL ?? '', text]));
}

/**
 * Expands a Prometheus alert label or annotation template with Go's text/template semantics and
 * Prometheus's function set (lib/rules/SEMANTICS.md). Throws on a parse or execution error.
 */
export function expandTemplate(text: string, data: TemplateData): string {
  if (!text.includes('{{')) return text;
  const dot = {
    Labels: GoMap.of(data.labels, ''),
    ExternalLabels: GoMap.of(data.externalLabels ?? {}, ''),
    ExternalURL: data.externalURL ?? '',
    Value: data.value,
  };
  return compile(text, data).execute(withType(dot, DATA_TYPE));
}

/** What Prometheus writes in place of a template that fails to expand: the rule keeps evaluating. */
export function expandOrExplain(text: string, data: TemplateData): string {
  try {
    return expandTemplate(text, data);
  } catch (err) {
    const what = err instanceof TemplateError ? 'parsing' : 'executing';
    return `<error expanding template: error ${what} template __alert_${data.alertName ?? ''}: ${(err as Error).message}>`;
  }
}

/** Parses a template at load time (Prometheus's ParseTest), so a typo is a load error, not an evaluation error. */
export function checkTemplate(text: string, alertName = ''): void {
  compile(text, { alertName });
}

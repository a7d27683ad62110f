import {
  type FormField as Field,
  type FieldErrors,
  FORM_TYPES,
  type TargetFormValues,
  TYPE_FIELDS,
} from '@/lib/format/target-form';
import { HTTP_METHODS } from '@/lib/probes/http-methods';
import { DNS_RECORD_TYPES, LLM_APIS, STARTTLS_PROTOCOLS } from '@/lib/probes/target-types';
import type { Target } from '@/lib/swr/types';
import { useNow } from '@/lib/time/use-now';
import { CronPreview } from './cron-preview';
import { describedBy, FormField, inputClass } from './form-field';

interface Props {
  values: TargetFormValues;
  errors: FieldErrors;
  editing: Target | null;
  onChange: (field: Field, value: string) => void;
}

const URL_PLACEHOLDERS: Record<string, string> = {
  http: 'http://127.0.0.1:3456/health',
  tcp: 'tcp://127.0.0.1:6379',
  tls: 'tls://example.com:443',
  icmp: 'icmp://192.0.2.1',
  llm: 'http://127.0.0.1:3456/v1/messages',
};

/** Fields every type has; the rest show only for the types that use them. */
const COMMON: readonly Field[] = ['name', 'interval', 'timeout', 'failure_threshold', 'success_threshold'];

const TEXT_FIELDS: { field: Field; label: string; hint?: string; placeholder?: string; mono?: boolean }[] = [
  {
    field: 'name',
    label: 'Name',
    hint: 'Letters, digits and _ . : - ; it becomes the job label.',
    placeholder: 'ccproxy',
  },
  { field: 'url', label: 'URL', placeholder: 'http://127.0.0.1:3456/health', mono: true },
  {
    field: 'server',
    label: 'DNS server',
    hint: 'host or IP, port 53 unless given',
    placeholder: '1.1.1.1:53',
    mono: true,
  },
  { field: 'query_name', label: 'Query name', placeholder: 'example.com', mono: true },
  {
    field: 'expect',
    label: 'Expect',
    hint: 'a pattern the reply must match, * for anything',
    placeholder: '+OK*',
    mono: true,
  },
  { field: 'packets', label: 'Packets', hint: '1 to 10 pings a check' },
  {
    field: 'period',
    label: 'Period',
    hint: 'a ping is expected this often, e.g. 1h (unless a schedule is set)',
    placeholder: '1h',
  },
  {
    field: 'schedule',
    label: 'Schedule',
    hint: "instead of a period: the job's cron expression, e.g. 0 3 * * * or @daily",
    placeholder: '0 3 * * *',
    mono: true,
  },
  { field: 'timezone', label: 'Time zone', hint: "the schedule's zone (IANA name)", placeholder: 'Europe/Berlin' },
  { field: 'grace', label: 'Grace', hint: 'extra time before it is late, e.g. 5m', placeholder: '5m' },
  {
    field: 'model',
    label: 'Model',
    hint: 'the model each check asks for',
    placeholder: 'llama-3.3-70b-versatile',
    mono: true,
  },
  { field: 'provider', label: 'Provider', hint: 'shown under this provider (default: the name)', placeholder: 'groq' },
  {
    field: 'max_requests_per_day',
    label: 'Max requests per day',
    hint: 'hard cap on its own spend; checks pause until UTC midnight',
  },
  { field: 'interval', label: 'Interval', hint: 'e.g. 30s, 1m', placeholder: '30s' },
  { field: 'timeout', label: 'Timeout', hint: 'at most the interval, e.g. 10s, 500ms', placeholder: '10s' },
  { field: 'failure_threshold', label: 'Failure threshold', hint: 'failed checks in a row before down' },
  { field: 'success_threshold', label: 'Success threshold', hint: 'good checks in a row before up again' },
];

const TIME_ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

export function TargetFormFields({ values, errors, editing, onChange }: Props) {
  const now = useNow();
  const typeFields = TYPE_FIELDS[values.type] ?? TYPE_FIELDS.http;
  const starttls = values.type === 'tcp' && values.starttls !== '';
  // With STARTTLS a tcp check is a handshake (no send/expect); without it there is no certificate to verify.
  const hidden: readonly Field[] =
    values.type !== 'tcp' ? [] : starttls ? ['send', 'expect'] : ['insecure_skip_verify'];
  const shows = (field: Field) => COMMON.includes(field) || (typeFields.includes(field) && !hidden.includes(field));
  const control = (field: Field, hint?: unknown) => ({
    id: `target-${field}`,
    name: field,
    value: values[field],
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': describedBy(`target-${field}`, errors[field], hint),
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id="target-type" label="Type" error={errors.type}>
        <select {...control('type')} className={inputClass}>
          {FORM_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </FormField>
      {TEXT_FIELDS.filter(({ field }) => shows(field)).map(({ field, label, hint, placeholder, mono }) => (
        <FormField
          key={field}
          id={`target-${field}`}
          label={label}
          hint={hint}
          error={errors[field]}
          className={field === 'url' ? 'sm:col-span-2' : ''}
        >
          <input
            {...control(field, hint)}
            type="text"
            inputMode={field.endsWith('threshold') ? 'numeric' : field === 'url' ? 'url' : undefined}
            autoComplete="off"
            spellCheck={false}
            placeholder={field === 'url' ? URL_PLACEHOLDERS[values.type] : placeholder}
            list={field === 'timezone' ? 'target-timezones' : undefined}
            className={`${inputClass} ${mono ? 'font-mono' : ''}`}
          />
        </FormField>
      ))}
      {shows('timezone') && (
        <datalist id="target-timezones">
          {TIME_ZONES.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
      )}
      {shows('schedule') && <CronPreview schedule={values.schedule} timezone={values.timezone} now={now} />}
      {shows('starttls') && (
        <FormField
          id="target-starttls"
          label="STARTTLS"
          hint="Upgrade to TLS first and read the certificate."
          error={errors.starttls}
        >
          <select {...control('starttls', true)} className={inputClass}>
            <option value="">none (plain TCP)</option>
            {STARTTLS_PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </FormField>
      )}
      {shows('api') && (
        <FormField id="target-api" label="API" hint="The endpoint's wire format." error={errors.api}>
          <select {...control('api', true)} className={inputClass}>
            <option value="">from the URL (/chat/completions: openai)</option>
            {LLM_APIS.map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </FormField>
      )}
      {shows('api_key') && (
        <FormField
          id="target-api_key"
          label="API key"
          hint={editing?.has_api_key ? 'A key is set; leave blank to keep it.' : 'Never shown again after saving.'}
          error={errors.api_key}
        >
          <input
            {...control('api_key', true)}
            type="password"
            autoComplete="off"
            placeholder={editing?.has_api_key ? 'key is set; leave blank to keep' : 'sk-…'}
            className={`${inputClass} font-mono`}
          />
        </FormField>
      )}
      {shows('method') && (
        <FormField id="target-method" label="Method" error={errors.method}>
          <select {...control('method')} className={inputClass}>
            {HTTP_METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </FormField>
      )}
      {shows('query_type') && (
        <FormField id="target-query_type" label="Record type" error={errors.query_type}>
          <select {...control('query_type')} className={inputClass}>
            {DNS_RECORD_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </FormField>
      )}
      {shows('insecure_skip_verify') && (
        <FormField
          id="target-insecure_skip_verify"
          label="Certificate"
          hint="Skipping verification still reads the expiry."
          error={errors.insecure_skip_verify}
        >
          <select {...control('insecure_skip_verify', true)} className={inputClass}>
            <option value="">verify chain and name</option>
            <option value="true">skip verification</option>
          </select>
        </FormField>
      )}
      {shows('send') && (
        <FormField
          id="target-send"
          label="Send"
          hint={
            editing?.has_send
              ? 'A string is set; leave blank to keep it.'
              : 'Written once connected. Never shown again.'
          }
          error={errors.send}
        >
          <textarea {...control('send', true)} rows={2} spellCheck={false} className={`${inputClass} font-mono`} />
        </FormField>
      )}
      <FormField
        id="target-conditions"
        label="Conditions"
        hint="One per line, e.g. [STATUS] == 200, [BODY] == pat(*ok*), [CONNECTED] == true. Empty: the type's default."
        error={errors.conditions}
        className={values.type === 'heartbeat' ? 'hidden' : 'sm:col-span-2'}
      >
        <textarea {...control('conditions', true)} rows={3} spellCheck={false} className={`${inputClass} font-mono`} />
      </FormField>
      {shows('headers') && (
        <FormField
          id="target-headers"
          label="Headers"
          hint={
            editing?.has_headers
              ? 'Headers are set; leave blank to keep them.'
              : 'One Key: value per line. Never shown again after saving.'
          }
          error={errors.headers}
        >
          <textarea
            {...control('headers', true)}
            rows={2}
            spellCheck={false}
            autoComplete="off"
            placeholder={editing?.has_headers ? 'headers are set; leave blank to keep' : 'Authorization: Bearer …'}
            className={`${inputClass} font-mono`}
          />
        </FormField>
      )}
      {shows('body') && (
        <FormField
          id="target-body"
          label="Request body"
          hint={editing?.has_body ? 'A body is set; leave blank to keep it.' : 'Optional, for POST and PUT probes.'}
          error={errors.body}
        >
          <textarea
            {...control('body', true)}
            rows={2}
            spellCheck={false}
            placeholder={editing?.has_body ? 'body is set; leave blank to keep' : ''}
            className={`${inputClass} font-mono`}
          />
        </FormField>
      )}
    </div>
  );
}

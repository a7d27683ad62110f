import type { FormField as Field, FieldErrors, TargetFormValues } from '@/lib/format/target-form';
import { HTTP_METHODS } from '@/lib/probes/http-methods';
import type { Target } from '@/lib/swr/types';
import { describedBy, FormField, inputClass } from './form-field';

interface Props {
  values: TargetFormValues;
  errors: FieldErrors;
  editing: Target | null;
  onChange: (field: Field, value: string) => void;
}

const TEXT_FIELDS: { field: Field; label: string; hint?: string; placeholder?: string; mono?: boolean }[] = [
  {
    field: 'name',
    label: 'Name',
    hint: 'Letters, digits and _ . : - ; it becomes the job label.',
    placeholder: 'ccproxy',
  },
  { field: 'url', label: 'URL', placeholder: 'http://127.0.0.1:3456/health', mono: true },
  { field: 'interval', label: 'Interval', hint: 'e.g. 30s, 1m', placeholder: '30s' },
  { field: 'timeout', label: 'Timeout', hint: 'at most the interval, e.g. 10s, 500ms', placeholder: '10s' },
  { field: 'failure_threshold', label: 'Failure threshold', hint: 'failed checks in a row before down' },
  { field: 'success_threshold', label: 'Success threshold', hint: 'good checks in a row before up again' },
];

export function TargetFormFields({ values, errors, editing, onChange }: Props) {
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
      {TEXT_FIELDS.map(({ field, label, hint, placeholder, mono }) => (
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
            placeholder={placeholder}
            className={`${inputClass} ${mono ? 'font-mono' : ''}`}
          />
        </FormField>
      ))}
      <FormField id="target-method" label="Method" error={errors.method}>
        <select {...control('method')} className={inputClass}>
          {HTTP_METHODS.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </select>
      </FormField>
      <FormField
        id="target-conditions"
        label="Conditions"
        hint="One per line, e.g. [STATUS] == 200 or [BODY].providers.healthy > 0. Empty: the status must be 2xx."
        error={errors.conditions}
        className="sm:col-span-2"
      >
        <textarea {...control('conditions', true)} rows={3} spellCheck={false} className={`${inputClass} font-mono`} />
      </FormField>
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
    </div>
  );
}

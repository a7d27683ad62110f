'use client';
import { type FormEvent, useState } from 'react';
import { ApiFailure } from '@/lib/swr/fetcher';
import { createMaintenance } from '@/lib/swr/maintenance';
import { FormField, inputClass } from './form-field';

const DURATIONS = ['15m', '30m', '1h', '2h', '4h', '8h', '24h'] as const;

/** `datetime-local` wants the browser's wall clock, without a zone. */
function localInputValue(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** Plans a one-off window: targets (or all), start in the browser's zone, duration, reason. */
export function MaintenanceForm({ targetNames, onDone }: { targetNames: string[]; onDone: (m: string) => void }) {
  const [name, setName] = useState('');
  const [all, setAll] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [start, setStart] = useState(() => localInputValue(Date.now()));
  const [duration, setDuration] = useState<string>('1h');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const toggle = (t: string) => setChosen((c) => (c.includes(t) ? c.filter((x) => x !== t) : [...c, t]));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startsAt = new Date(start);
    if (Number.isNaN(startsAt.getTime())) return setErrors({ starts_at: 'Choose when the window starts.' });
    setBusy(true);
    setErrors({});
    try {
      const body = {
        name,
        targets: all ? ('all' as const) : chosen,
        starts_at: startsAt.toISOString(),
        duration,
        reason,
      };
      await createMaintenance(body);
      onDone(`Maintenance window “${name.trim()}” planned.`);
    } catch (err) {
      if (!(err instanceof ApiFailure)) return setErrors({ form: 'Planning the window failed.' });
      const byField: Record<string, string> = {};
      for (const i of err.issues) byField[i.path.split('.')[0] || 'form'] ??= i.message;
      setErrors(Object.keys(byField).length ? byField : { form: err.message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Plan a maintenance window" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id="maint-name" label="Name" error={errors.name}>
          <input
            id="maint-name"
            value={name}
            placeholder="database upgrade"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            className={inputClass}
          />
        </FormField>
        <FormField id="maint-start" label="Starts" hint="your browser's time zone" error={errors.starts_at}>
          <input
            id="maint-start"
            type="datetime-local"
            value={start}
            onChange={(e) => setStart(e.target.value)}
            aria-invalid={errors.starts_at ? true : undefined}
            className={inputClass}
          />
        </FormField>
        <FormField id="maint-duration" label="Duration" error={errors.duration ?? errors.ends_at}>
          <select
            id="maint-duration"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
            className={inputClass}
          >
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </FormField>
      </div>
      <fieldset aria-describedby={errors.targets ? 'maint-targets-error' : undefined}>
        <legend className="mb-1 text-sm font-medium text-fg">Targets</legend>
        <div className="flex flex-wrap gap-3 text-sm">
          <label className="inline-flex items-center gap-1.5 font-medium">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            all targets
          </label>
          {targetNames.map((t) => (
            <label key={t} className="inline-flex items-center gap-1.5">
              <input type="checkbox" disabled={all} checked={all || chosen.includes(t)} onChange={() => toggle(t)} />
              {t}
            </label>
          ))}
        </div>
        {errors.targets && (
          <p id="maint-targets-error" role="alert" className="mt-1 text-xs font-medium text-down">
            {errors.targets}
          </p>
        )}
      </fieldset>
      <FormField id="maint-reason" label="Reason" hint="optional; shown next to the badge" error={errors.reason}>
        <input id="maint-reason" value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
      </FormField>
      {errors.form && (
        <p role="alert" className="text-sm text-down">
          {errors.form}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
      >
        {busy ? 'Planning…' : 'Plan window'}
      </button>
    </form>
  );
}

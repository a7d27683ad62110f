'use client';
import { type FormEvent, useState } from 'react';
import { Notice } from '@/components/ui/notice';
import {
  EMPTY_FORM,
  type FieldErrors,
  type FormField,
  formFromTarget,
  requestFromForm,
  type TargetFormValues,
  targetFieldErrors,
} from '@/lib/format/target-form';
import { ApiFailure, revalidateTargets, sendJson } from '@/lib/swr/send-json';
import type { Target } from '@/lib/swr/types';
import { TargetFormFields } from './target-form-fields';

interface Props {
  editing: Target | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

// Keyed by the edited target's id by the parent, so switching targets starts from fresh values.
export function TargetForm({ editing, onDone, onCancel }: Props) {
  const [values, setValues] = useState<TargetFormValues>(editing ? formFromTarget(editing) : EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const onChange = (field: FormField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const request = requestFromForm(values, editing ? 'edit' : 'create');
    if ('errors' in request) return setErrors(request.errors);
    setBusy(true);
    setGeneral([]);
    try {
      const saved = await sendJson<{ data: Target & { ping_token?: string } }>(
        editing ? 'PATCH' : 'POST',
        editing ? `/api/v1/targets/${editing.id}` : '/api/v1/targets',
        request.body,
      );
      await revalidateTargets();
      setValues(EMPTY_FORM);
      setErrors({});
      const token = saved?.data.ping_token;
      // A heartbeat's token is in this answer only: say it now, with the full ping URL.
      const ping = token ? ` Ping URL (shown once, copy it now): ${window.location.origin}/ping/${token}` : '';
      onDone(`${editing ? 'Saved' : 'Added'} ${saved?.data.name ?? values.name}.${ping}`);
    } catch (err) {
      if (err instanceof ApiFailure && (err.status === 400 || err.status === 409)) {
        const parsed = targetFieldErrors(err);
        setErrors(parsed.fields);
        setGeneral(parsed.general);
      } else {
        setGeneral([err instanceof Error ? err.message : 'Saving failed.']);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Edit ${editing.name}` : 'Add a target'}
      className="space-y-4"
    >
      <h2 className="text-base font-semibold">{editing ? `Edit ${editing.name}` : 'Add a target'}</h2>
      {editing?.provisioned && (
        <Notice tone="warn">
          This target comes from lookout.yml: changes made here are replaced by the file on its next reload. Edit
          lookout.yml to keep them.
        </Notice>
      )}
      {general.length > 0 && (
        <Notice tone="error" role="alert">
          {general.join(' ')}
        </Notice>
      )}
      <TargetFormFields values={values} errors={errors} editing={editing} onChange={onChange} />
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="submit"
          disabled={busy}
          className="rounded-md bg-accent px-4 py-2 text-sm font-semibold text-accent-fg disabled:opacity-60"
        >
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Add target'}
        </button>
        {editing && (
          <button type="button" onClick={onCancel} className="rounded-md border border-line px-4 py-2 text-sm">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

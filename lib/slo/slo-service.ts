import type { Lookout } from '@/lib/engine/context';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import type { SloInput } from './slo-schema';
import { deleteSlo, insertSlo, readSlo, readSloByName, type Slo, updateSlo } from './slo-store';

/** `{id}` in /api/v1/slos/{id}: the SLO's number or its name. */
export function resolveSlo(lookout: Lookout, ref: string): Slo {
  const text = ref.trim();
  if (/^\d{1,15}$/.test(text)) {
    const slo = readSlo(lookout.db, Number(text));
    if (!slo) throw new NotFoundError(`SLO ${text}`);
    return slo;
  }
  if (!text || text.length > 200)
    throw new InvalidInputError('invalid_parameter', 'id: must be an SLO number or name.');
  const slo = readSloByName(lookout.db, text);
  if (!slo) throw new NotFoundError(`SLO "${text}"`);
  return slo;
}

function assertFreeName(lookout: Lookout, name: string, self: number | null): void {
  const other = readSloByName(lookout.db, name);
  if (other && other.id !== self)
    throw new ConflictError(
      'name_taken',
      `name: an SLO named "${name}" exists (id ${other.id}); choose another name.`,
      [{ path: 'name', message: 'already used' }],
    );
}

function assertEditable(slo: Slo): void {
  if (slo.provisioned)
    throw new ConflictError(
      'slo_provisioned',
      `SLO "${slo.name}" comes from the provisioning file and is read-only here; edit slos: in the file and reload (POST /api/v1/config/reload or SIGHUP).`,
    );
}

export function createSlo(lookout: Lookout, input: SloInput): Slo {
  assertFreeName(lookout, input.name, null);
  const id = insertSlo(lookout.db, input, lookout.clock.now());
  lookout.alerts.reloadSlos();
  return readSlo(lookout.db, id) as Slo;
}

export function replaceSlo(lookout: Lookout, ref: string, input: SloInput): Slo {
  const slo = resolveSlo(lookout, ref);
  assertEditable(slo);
  assertFreeName(lookout, input.name, slo.id);
  updateSlo(lookout.db, slo.id, input, lookout.clock.now());
  lookout.alerts.reloadSlos();
  return readSlo(lookout.db, slo.id) as Slo;
}

export function removeSlo(lookout: Lookout, ref: string): void {
  const slo = resolveSlo(lookout, ref);
  assertEditable(slo);
  deleteSlo(lookout.db, slo.id);
  lookout.alerts.reloadSlos();
}

import { nextFires, parseCron } from '@/lib/time/cron';
import { isTimeZone } from '@/lib/time/zone';

function describeRuns(schedule: string, timezone: string, now: number): { runs: string[] } | { error: string } {
  const parsed = parseCron(schedule);
  if (!parsed.ok) return { error: parsed.error };
  const tz = timezone.trim() || 'UTC';
  if (!isTimeZone(tz)) return { error: `"${tz}" is not an IANA time zone name such as Europe/Berlin or UTC` };
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  });
  return { runs: nextFires(parsed.cron, tz, now, 3).map((t) => format.format(t)) };
}

/** The next runs of a heartbeat's schedule as the user will see them, or why the expression is refused. */
export function CronPreview({ schedule, timezone, now }: { schedule: string; timezone: string; now: number }) {
  if (!schedule.trim() || now === 0) return null;
  const preview = describeRuns(schedule, timezone, now);
  return (
    <div id="target-schedule-preview" aria-live="polite" className="text-xs sm:col-span-2">
      {'error' in preview ? (
        <p className="font-medium text-down">{preview.error}</p>
      ) : (
        <p className="text-muted">
          Next runs: <span className="font-mono">{preview.runs.join(' · ')}</span> — a ping is expected after each,
          within the grace.
        </p>
      )}
    </div>
  );
}

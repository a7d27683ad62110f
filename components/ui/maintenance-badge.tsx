/** Marks a target whose maintenance window is on: its alerts are muted and its checks left out of uptime. */
export function MaintenanceBadge({ window, large = false }: { window: string; large?: boolean }) {
  return (
    <span
      className={`inline-flex items-center rounded-full border border-pending bg-pending-soft font-semibold text-pending ${large ? 'px-[1vh] text-[1.6vh]' : 'px-2 py-0.5 text-xs'}`}
      data-testid="maintenance-badge"
      title={`In maintenance: ${window}`}
    >
      maintenance
    </span>
  );
}

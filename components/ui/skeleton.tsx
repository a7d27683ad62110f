export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`skeleton ${className}`} />;
}

/** A placeholder with the height of the content it stands for, announced once to screen readers. */
export function LoadingBlock({ label, className = 'h-40' }: { label: string; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={`skeleton ${className}`}>
      <span className="sr-only">{label}</span>
    </div>
  );
}

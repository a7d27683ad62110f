/** The source (and `job`) a resource's data goes to: its `service.name`, with characters a source name cannot hold as `_`. */
export function sourceNameOf(resource: Record<string, unknown>): string {
  const raw = resource['service.name'];
  const name = typeof raw === 'string' ? raw.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100) : '';
  return name || 'unknown_service';
}

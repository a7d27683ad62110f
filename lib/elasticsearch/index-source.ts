/**
 * The source an index name writes to (docs/intake.md#elasticsearch-bulk): a data stream
 * `logs-<dataset>-<namespace>` → `<dataset>`; a trailing date or version (`filebeat-8.17.0`,
 * `logstash-2026.12.05`) and a leading `.ds-` are dropped; characters a source cannot hold become `_`.
 */
export function indexSourceName(index: string): string {
  let name = index.trim().replace(/^\.ds-/, '');
  name = name.replace(/-(?:\d+\.\d+\.\d+)?(?:-?\d{4}[.-]\d{2}(?:[.-]\d{2})?)?(?:-\d{6})?$/, '');
  const stream = /^(?:logs|metrics|traces|synthetics)-([^-]+)-[^-]+$/.exec(name);
  if (stream) name = stream[1];
  return name.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100) || 'elasticsearch';
}

import { MAX_FUTURE_MS, MIN_TIME_MS } from './logs-to-lines';
import { labelName, type OtlpKind, prometheusName } from './prometheus-name';
import {
  attributes,
  double,
  int64,
  labelValue,
  list,
  nanosToMs,
  type Obj,
  object,
  RecordRejected,
  text,
} from './values';

/** One sample for one Prometheus series. */
export interface OtlpPoint {
  name: string;
  /** The metric family (for a histogram, the name without `_bucket`, `_sum`, `_count`). */
  family: string;
  kind: OtlpKind;
  help: string;
  labels: Record<string, string>;
  ts: number;
  value: number;
  /** Delta temporality: the value is added to the series' running total. */
  delta: boolean;
}

export interface OtlpPoints {
  points: OtlpPoint[];
  rejected: number;
  reasons: string[];
}

// AggregationTemporality and DataPointFlags from metrics.proto.
const DELTA = 1;
const NO_RECORDED_VALUE = 1;

/** `service.name` (with its namespace) is `job` and `service.instance.id` is `instance`, as Prometheus maps them. */
function resourceLabels(resource: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  const name = resource['service.name'];
  const ns = resource['service.namespace'];
  if (typeof name === 'string' && name) out.job = typeof ns === 'string' && ns ? `${ns}/${name}` : name;
  const instance = resource['service.instance.id'];
  if (typeof instance === 'string' && instance) out.instance = instance;
  return out;
}

/** Attributes as labels; keys that clean to the same name have their values joined with `;`, as Prometheus does. */
function labelsOf(attrs: Obj, base: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(attrs).sort()) {
    const name = labelName(key);
    const value = labelValue(attrs[key]);
    out[name] = out[name] === undefined ? value : `${out[name]};${value}`;
  }
  return { ...out, ...base };
}

function timeOf(dp: Obj, path: string, now: number): number {
  const ms = nanosToMs(dp.timeUnixNano, `${path}.timeUnixNano`) ?? now;
  if (ms > now + MAX_FUTURE_MS)
    throw new RecordRejected(`${path}: time ${new Date(ms).toISOString()} is more than a day ahead`);
  if (ms < MIN_TIME_MS) throw new RecordRejected(`${path}: time ${ms} ms is before 2000 (not nanoseconds?)`);
  return ms;
}

const numberValue = (dp: Obj, path: string): number =>
  'asInt' in dp && dp.asInt !== undefined
    ? Number(int64(dp.asInt, `${path}.asInt`))
    : double(dp.asDouble, `${path}.asDouble`);

const formatLe = (b: number) => (b === Number.POSITIVE_INFINITY ? '+Inf' : String(b));

function histogramPoints(
  dp: Obj,
  path: string,
  base: Omit<OtlpPoint, 'name' | 'labels' | 'value'>,
  labels: Record<string, string>,
): OtlpPoint[] {
  const counts = (Array.isArray(dp.bucketCounts) ? dp.bucketCounts : []).map((c, i) =>
    Number(int64(c, `${path}.bucketCounts[${i}]`)),
  );
  const bounds = (Array.isArray(dp.explicitBounds) ? dp.explicitBounds : []).map((b, i) =>
    double(b, `${path}.explicitBounds[${i}]`),
  );
  if (counts.length && counts.length !== bounds.length + 1)
    throw new RecordRejected(`${path}: ${counts.length} bucket counts for ${bounds.length} bounds`);
  const out: OtlpPoint[] = [];
  let cumulative = 0;
  for (const [i, c] of counts.entries()) {
    cumulative += c;
    const le = formatLe(i < bounds.length ? bounds[i] : Number.POSITIVE_INFINITY);
    out.push({ ...base, name: `${base.family}_bucket`, labels: { ...labels, le }, value: cumulative });
  }
  const count = Number(int64(dp.count, `${path}.count`));
  out.push({ ...base, name: `${base.family}_count`, labels, value: count });
  if (dp.sum !== undefined)
    out.push({ ...base, name: `${base.family}_sum`, labels, value: double(dp.sum, `${path}.sum`) });
  return out;
}

function summaryPoints(
  dp: Obj,
  path: string,
  base: Omit<OtlpPoint, 'name' | 'labels' | 'value'>,
  labels: Record<string, string>,
): OtlpPoint[] {
  const out: OtlpPoint[] = list(dp.quantileValues, `${path}.quantileValues`).map((q, i) => ({
    ...base,
    name: base.family,
    labels: { ...labels, quantile: String(double(q.quantile, `${path}.quantileValues[${i}].quantile`)) },
    value: double(q.value, `${path}.quantileValues[${i}].value`),
  }));
  out.push({ ...base, name: `${base.family}_count`, labels, value: Number(int64(dp.count, `${path}.count`)) });
  out.push({ ...base, name: `${base.family}_sum`, labels, value: double(dp.sum, `${path}.sum`) });
  return out;
}

/** One metric's data points; a data point Lookout cannot store is rejected on its own. */
function metricPoints(
  metric: Obj,
  path: string,
  resource: Record<string, string>,
  now: number,
  into: OtlpPoints,
): void {
  const otelName = text(metric.name, `${path}.name`);
  const unit = text(metric.unit, `${path}.unit`);
  const help = text(metric.description, `${path}.description`);
  const sum = object(metric.sum, `${path}.sum`);
  const gauge = object(metric.gauge, `${path}.gauge`);
  const histogram = object(metric.histogram, `${path}.histogram`);
  const summary = object(metric.summary, `${path}.summary`);
  const expo = object(metric.exponentialHistogram, `${path}.exponentialHistogram`);
  if (expo) {
    into.rejected += Math.max(list(expo.dataPoints, `${path}.exponentialHistogram.dataPoints`).length, 1);
    if (into.reasons.length < 5) into.reasons.push(`${path} (${otelName}): exponential histograms are not supported`);
    return;
  }
  const data = sum ?? gauge ?? histogram ?? summary;
  if (!data) return;
  const points = list(data.dataPoints, `${path}.dataPoints`);
  const kind: OtlpKind = sum
    ? sum.isMonotonic === true
      ? 'counter'
      : 'gauge'
    : gauge
      ? 'gauge'
      : histogram
        ? 'histogram'
        : 'summary';
  const delta = Number(int64(data.aggregationTemporality, `${path}.aggregationTemporality`)) === DELTA && !gauge;
  const family = prometheusName(otelName, unit, kind);
  for (const [i, dp] of points.entries()) {
    const dpPath = `${path}.dataPoints[${i}]`;
    try {
      if (Number(int64(dp.flags, `${dpPath}.flags`)) & NO_RECORDED_VALUE) continue;
      const ts = timeOf(dp, dpPath, now);
      const labels = labelsOf(attributes(dp.attributes, `${dpPath}.attributes`), resource);
      const base = { family, kind, help, ts, delta };
      if (histogram) into.points.push(...histogramPoints(dp, dpPath, base, labels));
      else if (summary) into.points.push(...summaryPoints(dp, dpPath, base, labels));
      else into.points.push({ ...base, name: family, labels, value: numberValue(dp, dpPath) });
    } catch (err) {
      if (!(err instanceof RecordRejected)) throw err;
      into.rejected++;
      if (into.reasons.length < 5) into.reasons.push(err.message);
    }
  }
}

/** An ExportMetricsServiceRequest as Prometheus samples; malformed input throws OtlpError (400, nothing stored). */
export function metricsToPoints(message: Obj, now: number): OtlpPoints {
  const out: OtlpPoints = { points: [], rejected: 0, reasons: [] };
  for (const [i, rm] of list(message.resourceMetrics, 'resourceMetrics').entries()) {
    const rPath = `resourceMetrics[${i}]`;
    const resource = resourceLabels(
      attributes(object(rm.resource, `${rPath}.resource`)?.attributes, `${rPath}.resource.attributes`),
    );
    for (const [j, sm] of list(rm.scopeMetrics, `${rPath}.scopeMetrics`).entries())
      for (const [k, metric] of list(sm.metrics, `${rPath}.scopeMetrics[${j}].metrics`).entries())
        metricPoints(metric, `${rPath}.scopeMetrics[${j}].metrics[${k}]`, resource, now, out);
  }
  return out;
}

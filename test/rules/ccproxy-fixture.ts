/** The rule file from CCProxy's monitoring docs, byte for byte as in the contract. */
export const CCPROXY_RULES = `groups:
  - name: ccproxy
    rules:
      - alert: CCProxyDown
        expr: up{job="ccproxy"} == 0
        for: 1m
        labels: { severity: critical }
        annotations: { summary: "CCProxy service is down", description: "CCProxy has been down for more than 1 minute" }
      - alert: HighErrorRate
        expr: rate(http_requests_total{status=~"5.."}[5m]) > 0.1
        for: 2m
        labels: { severity: warning }
        annotations: { summary: "High error rate detected", description: "Error rate is {{ $value }} errors per second" }
      - alert: HighLatency
        expr: histogram_quantile(0.95, rate(http_request_duration_seconds_bucket[5m])) > 2
        for: 3m
        labels: { severity: warning }
        annotations: { summary: "High latency detected", description: "95th percentile latency is {{ $value }} seconds" }
`;

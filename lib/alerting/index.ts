import type { Clock } from '../clock';
import { type AlertmanagerConfig, parseAlertmanagerConfig } from './config';
import { Dispatcher, type DispatcherState } from './dispatcher';
import type { RetryOptions } from './http-post';
import { buildInhibitRules } from './inhibit';
import { buildIntegrations, type Integration, type IntegrationDeps } from './integrations';
import type { MaintenanceLookup } from './maintenance-hold';
import { NotificationLog, type NotificationLogState, type NotificationRecord } from './notification-log';
import { buildRoute } from './route';
import { type Silence, SilenceStore } from './silences';

export * from './config';
export * from './dispatcher';
export * from './http-post';
export * from './inhibit';
export * from './integrations';
export * from './matchers';
export * from './notification-log';
export * from './route';
export * from './silences';
export * from './slack-payload';
export * from './template-data';
export * from './time-intervals';
export * from './webhook-payload';

export type AlertingState = {
  dispatcher: DispatcherState | null;
  nflog: NotificationLogState | null;
  silences: Silence[];
};

export type Alerting = {
  config: AlertmanagerConfig;
  dispatcher: Dispatcher;
  silences: SilenceStore;
  nflog: NotificationLog;
  toJSON(): AlertingState;
};

/** Builds the whole notification side from an `alerting:` block and saved state. */
export function createAlerting(
  raw: unknown,
  deps: {
    clock: Clock;
    externalURL: string;
    retry?: Partial<RetryOptions>;
    endpoints?: IntegrationDeps['endpoints'];
    /** Called after alerts arrive and after each flush: persist toJSON() then. */
    onChange?: () => void;
    /** Called for each delivery (one row of GET /api/v1/notifications). */
    onNotification?: (r: NotificationRecord) => void;
    integrations?: (receiver: string) => Integration[];
    maintenance?: MaintenanceLookup;
  },
  state: AlertingState | null = null,
): Alerting {
  const config = parseAlertmanagerConfig(raw);
  const silences = new SilenceStore(state?.silences ?? []);
  const nflog = new NotificationLog(state?.nflog ?? null, { onRecord: deps.onNotification });
  const byName = new Map(config.receivers.map((r) => [r.name, buildIntegrations(r, config.global, deps)]));
  const dispatcher = new Dispatcher(
    {
      clock: deps.clock,
      route: buildRoute(config.route),
      inhibitRules: buildInhibitRules(config.inhibit_rules),
      silences,
      nflog,
      integrations: deps.integrations ?? ((name) => byName.get(name) ?? []),
      resolveTimeoutMs: config.global.resolve_timeout,
      timeIntervals: new Map(
        [...config.mute_time_intervals, ...config.time_intervals].map((t) => [t.name, t.time_intervals]),
      ),
      maintenance: deps.maintenance,
      onChange: deps.onChange,
    },
    state?.dispatcher ?? null,
  );
  return {
    config,
    dispatcher,
    silences,
    nflog,
    toJSON: () => ({ dispatcher: dispatcher.toJSON(), nflog: nflog.toJSON(), silences: silences.toJSON() }),
  };
}

import type { Clock, TimerHandle } from '../clock';
import type { Labels } from '../rules/labels';
import type { TimedAlert } from './alert-store';
import type { InhibitRule } from './inhibit';
import type { Integration } from './integrations';
import type { MaintenanceLookup } from './maintenance-hold';
import type { NotificationLog } from './notification-log';
import type { Route } from './route';
import type { SilenceStore } from './silences';
import type { TimeInterval } from './time-intervals';

export type Group = {
  id: string;
  groupKey: string;
  route: Route;
  labels: Labels;
  alerts: Map<string, TimedAlert>;
  hasFlushed: boolean;
  nextFlushAt: number;
  timer: TimerHandle | null;
  flushing: boolean;
};

export type DispatcherState = {
  version: 1;
  alerts: TimedAlert[];
  groups: {
    id: string;
    routeKey: string;
    labels: Labels;
    alerts: TimedAlert[];
    hasFlushed: boolean;
    nextFlushAt: number;
  }[];
};

export type DispatcherOptions = {
  clock: Clock;
  route: Route;
  inhibitRules: InhibitRule[];
  silences: SilenceStore;
  nflog: NotificationLog;
  integrations: (receiver: string) => Integration[];
  resolveTimeoutMs?: number;
  /** Named time intervals for routes' mute_time_intervals/active_time_intervals. */
  timeIntervals?: ReadonlyMap<string, TimeInterval[]>;
  /** Which maintenance window, if any, holds an alert back (docs/maintenance.md). */
  maintenance?: MaintenanceLookup;
  /** Called after every change worth persisting (alerts received, a flush finished). */
  onChange?: () => void;
};

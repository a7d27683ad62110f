'use client';
import { useSyncExternalStore } from 'react';

// One shared ticking clock: every relative time on a page updates together, with one timer.
const TICK_MS = 5_000;
let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getSnapshot = () => (now === 0 ? (now = Date.now()) : now);
// The server renders with 0 ("not yet known"), so zone- and now-dependent text never mismatches on hydration.
const getServerSnapshot = () => 0;

/** The current time in ms, ticking every few seconds; 0 during server render and hydration. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

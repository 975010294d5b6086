/**
 * While the app runs: one desktop notification when a service request's response deadline is due
 * soon (at risk) and one when it has passed, the way renderer/features/faults/fault-monitor.ts does
 * it for faults and through its `claimAlerts`: each alert is claimed once in `alertLog` under a
 * `request:…` key, so a reload or a second window never repeats it. Faults' alerts are untouched.
 */
import i18next from 'i18next';
import { getDb } from '../../db';
import { platform } from '../../platform';
import { formatDateTime, loadClockConfig } from '../../core';
import { isLocked } from '../access';
import { claimAlerts } from '../faults';
import { requestAlerts, type RequestAlert } from './request-due';

/** Requests still waiting for their response (the only ones with a deadline to announce). */
async function listOpenRequests() {
  return getDb().serviceRequests.where('status').equals('open').toArray();
}

/** One pass: the alerts due at `now` not sent before, claimed in alertLog. */
export async function monitorRequestsOnce(now = new Date()): Promise<RequestAlert[]> {
  const cfg = await loadClockConfig();
  const candidates = requestAlerts(await listOpenRequests(), cfg, now);
  // alertLog rows carry the record's id in `faultId`; the `request:` key says which kind of record it is.
  const fresh = await claimAlerts(
    candidates.map((a) => ({ key: a.key, faultId: a.requestId, number: a.number, kind: a.kind, clock: 'response' })),
    now,
  );
  const claimed = new Set(fresh.map((a) => a.key));
  return candidates.filter((a) => claimed.has(a.key));
}

/** Desktop notifications for fresh request alerts; while locked, one that names no request. */
export async function notifyRequestAlerts(alerts: RequestAlert[], locked = isLocked()): Promise<void> {
  if (!alerts.length) return;
  if (locked) {
    const a = i18next.getFixedT(null, 'access');
    await platform.notify({ title: a('locked.notifyTitle'), body: a('locked.notifyBody'), tag: 'requests-locked' });
    return;
  }
  const t = i18next.getFixedT(null, 'requests');
  if (alerts.length > 3) {
    await platform.notify({
      title: t('alerts.summaryTitle'),
      body: t('alerts.summaryBody', { count: alerts.length, numbers: alerts.map((a) => a.number).join(', ') }),
      tag: 'requests-summary',
    });
    return;
  }
  for (const a of alerts) {
    const due = formatDateTime(a.dueAt, i18next.language);
    await platform.notify({
      title: t(`alerts.${a.kind}Title`),
      body: t(`alerts.${a.kind}Body`, { number: a.number, due }),
      tag: a.key.slice(0, 100),
    });
  }
}

let running: { stop: () => void } | undefined;

/** Starts the request monitor (one pass now, one every `intervalMs`); returns the stop function. */
export function startRequestMonitor(intervalMs = 30_000): () => void {
  if (running) return running.stop;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await notifyRequestAlerts(await monitorRequestsOnce(new Date()));
    } catch (err) {
      console.error('request monitor', err);
    } finally {
      busy = false;
    }
  };
  const id = setInterval(() => void tick(), intervalMs);
  const self = {
    stop: () => {
      clearInterval(id);
      if (running === self) running = undefined;
    },
  };
  running = self;
  void tick();
  return self.stop;
}

/**
 * While the app runs: records the automatic upgrades the engine derives (also those whose breach
 * happened while the app was closed) and sends one desktop notification per clock when it becomes
 * at risk and when it breaches. Sent alerts are remembered in `alertLog`, so a reload or a second
 * window never repeats them.
 */
import i18next from 'i18next';
import { getDb, writeTx } from '../../db';
import { platform } from '../../platform';
import { isLocked } from '../access';
import { loadClockConfig } from '../../core';
import { faultView, needsAttention } from './fault-view';
import { listEvents, listOpenFaults, recordPendingUpgradesMany, reprojectIfConfigChanged } from './faults.repo';

export interface Alert {
  key: string;
  faultId: string;
  number: string;
  kind: 'at-risk' | 'breached' | 'upgrade';
  clock?: string;
  level?: number;
}

/** Keeps only the alerts not sent before, remembering them in the same transaction. */
export async function claimAlerts(candidates: Alert[], now: Date): Promise<Alert[]> {
  if (!candidates.length) return [];
  // A read first: clocks stay breached for hours, and most ticks have nothing new to claim.
  const seen = await getDb().alertLog.bulkGet(candidates.map((a) => a.key));
  if (seen.every(Boolean)) return [];
  return writeTx(['alertLog'], async (db, w) => {
    const table = db.alertLog;
    const fresh: Alert[] = [];
    for (const a of candidates) {
      if (await table.get(a.key)) continue;
      await table.add({ key: a.key, at: now.toISOString(), faultId: a.faultId, kind: a.kind });
      fresh.push(a);
    }
    // alertLog is not an audited table (renderer/db/audit.ts): the claim is logged as an entry of its own.
    if (fresh.length)
      await w.log(
        'alertLog',
        fresh[0].faultId,
        'create',
        fresh
          .map((a) => a.key)
          .join('; ')
          .slice(0, 1900),
      );
    return fresh;
  });
}

/** One pass: upgrades recorded, alerts claimed. Returns the fresh alerts (the caller notifies). */
export async function monitorOnce(now = new Date()): Promise<Alert[]> {
  const cfg = await loadClockConfig();
  await reprojectIfConfigChanged(cfg, now);
  const candidates: Alert[] = [];
  const faults = (await listOpenFaults()).filter((f) => needsAttention(f, now));
  const upgraded = await recordPendingUpgradesMany(
    faults.map((f) => f.id),
    now,
    cfg,
  );
  for (const f of faults) {
    for (const u of upgraded.get(f.id) ?? []) {
      if (u.type === 'level-changed')
        candidates.push({
          key: `fault:${f.id}:upgrade:${u.at}`,
          faultId: f.id,
          number: f.number,
          kind: 'upgrade',
          level: u.payload.level,
        });
    }
    const ev = faultView(await listEvents(f.id), cfg, now);
    for (const c of ev.clocks) {
      if (c.stoppedAt !== undefined || (c.state !== 'at-risk' && c.state !== 'breached')) continue;
      candidates.push({
        key: `fault:${f.id}:${c.kind}:${c.startedAt}:${c.state}`,
        faultId: f.id,
        number: f.number,
        kind: c.state,
        clock: c.kind,
      });
    }
  }
  return claimAlerts(candidates, now);
}

/**
 * Desktop notifications for fresh alerts; many at once (first start after a long break) become one
 * summary. While the app is locked, one notification that says only that a deadline needs attention.
 */
export async function notifyAlerts(alerts: Alert[], locked = isLocked()): Promise<void> {
  if (!alerts.length) return;
  if (locked) {
    // While the app is locked a notification names no fault, system or client: only that something is due.
    const a = i18next.getFixedT(null, 'access');
    await platform.notify({ title: a('locked.notifyTitle'), body: a('locked.notifyBody'), tag: 'faults-locked' });
    return;
  }
  const t = i18next.getFixedT(null, 'faults');
  if (alerts.length > 3) {
    await platform.notify({
      title: t('alerts.summaryTitle'),
      body: t('alerts.summaryBody', {
        count: alerts.length,
        numbers: [...new Set(alerts.map((a) => a.number))].join(', '),
      }),
      tag: 'faults-summary',
    });
    return;
  }
  for (const a of alerts) {
    const clock = a.clock ? t(`clocks.${a.clock}`) : '';
    const body =
      a.kind === 'upgrade'
        ? t('alerts.upgradeBody', { number: a.number, level: t(`levels.${a.level}`) })
        : t(`alerts.${a.kind}Body`, { number: a.number, clock });
    await platform.notify({ title: t(`alerts.${a.kind}Title`), body, tag: a.key.slice(0, 100) });
  }
}

let running: { stop: () => void } | undefined;

/**
 * Starts the monitor for this session: one pass at once (upgrades whose breach happened while the
 * app was closed are recorded then) and one every `intervalMs`. One pass at a time; failures are
 * logged and retried on the next tick, never shown to someone logging a call. Calling it again
 * while it runs starts nothing new. Returns the stop function.
 */
export function startFaultMonitor(intervalMs = 15_000): () => void {
  if (running) return running.stop;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await notifyAlerts(await monitorOnce(new Date()));
    } catch (err) {
      console.error('fault monitor', err);
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

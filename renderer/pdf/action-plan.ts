/**
 * Who does a recommendation, by when, in which change window, and how it is undone: printed beside
 * every improvement suggestion, optimisation step and health-check recommendation, so the client
 * can act on each one. Plain data; the cell is laid out here for the builders that print it.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { formatDate } from './format';

export interface ActionPlan {
  owner: string;
  /** ISO date. */
  targetDate: string;
  /** The change window it needs, in words. */
  changeWindow: string;
  /** How the change is undone if it goes wrong. */
  rollback: string;
}

/** The cell printed beside a recommendation: owner and target date, the change window, the rollback. */
export function actionPlanCell(p: ActionPlan | undefined, t: TFunction, timeZone?: string): Content {
  if (!p) return { text: '—', style: 'tableCell' };
  return {
    stack: [
      { text: t('inspections:pdf.plan.ownerDue', { owner: p.owner, date: formatDate(p.targetDate, timeZone) }) },
      { text: t('inspections:pdf.plan.window', { window: p.changeWindow }) },
      { text: t('inspections:pdf.plan.rollback', { rollback: p.rollback }), color: '#5b6472' },
    ],
    style: 'tableCell',
  };
}

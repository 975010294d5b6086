/** Report data (plain JSON) for the training PDFs, from stored records. Pure. */
import type { YearObligations } from '@shared/domain/training';
import type { Training } from '@shared/schemas/training';
import { blankRowsFor, type TrainingRecordData } from '../../pdf/training-record-report';
import type { TrainingSummaryData } from '../../pdf/training-summary-report';

export function trainingRecordData(t: Training): TrainingRecordData {
  const data: TrainingRecordData = {
    type: t.type,
    topic: t.topic,
    startDate: t.startDate,
    endDate: t.endDate,
    hours: t.hours,
    trainer: t.trainer,
    location: t.location,
    content: t.content,
    feedback: t.feedback,
    attendees: t.attendees.map((a) => ({ name: a.name, department: a.department })),
    blankRows: blankRowsFor(t.attendees.length),
  };
  if (t.rating) data.rating = t.rating;
  return data;
}

/** The yearly summary: the year's trainings (by start date) and the obligations as of `asOf`. */
export function trainingSummaryData(
  year: number,
  asOf: string,
  all: Training[],
  o: YearObligations,
): TrainingSummaryData {
  const list = all
    .filter((t) => t.startDate.startsWith(`${year}-`) && t.startDate <= asOf)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const sp = o.special;
  const special: TrainingSummaryData['special'] = { state: sp.state, period: sp.period, dueDate: sp.dueDate };
  if (sp.training)
    Object.assign(special, { heldFrom: sp.training.startDate, heldTo: sp.training.endDate, topic: sp.training.topic });
  else if (sp.plan?.topic) special.topic = sp.plan.topic;
  return {
    year,
    asOf,
    inspection: o.inspection.map((s) => ({
      slot: s.slot,
      dueDate: s.dueDate,
      state: s.state,
      topic: s.topic,
      ...(s.training ? { heldOn: s.training.startDate } : {}),
    })),
    special,
    trainings: list.map((t) => ({
      startDate: t.startDate,
      endDate: t.endDate,
      type: t.type,
      topic: t.topic,
      trainer: t.trainer,
      hours: t.hours,
      attendees: t.attendees.length,
      ...(t.rating ? { rating: t.rating } : {}),
    })),
    feedback: list
      .filter((t) => t.feedback.trim())
      .map((t) => ({ date: t.startDate, topic: t.topic, text: t.feedback.trim() })),
  };
}

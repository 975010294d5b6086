import { z } from 'zod';
import { isoDate, recordBase, cleanString } from './common';

/** Training types of the service catalogue (docs/domain.md, 技术培训). */
export const trainingTypes = ['onsite', 'adhoc', 'inspection', 'special', 'vendor'] as const;
export type TrainingType = (typeof trainingTypes)[number];

export const attendeeSchema = z.strictObject({
  name: cleanString().trim().min(1).max(60),
  department: cleanString().trim().max(60),
  /** Set when picked from the client's contacts. */
  contactId: z.string().max(64).optional(),
});
export type Attendee = z.infer<typeof attendeeSchema>;

/** A training that took place (materials are attachments owned by `training`/id). */
export const trainingSchema = z
  .strictObject({
    ...recordBase,
    type: z.enum(trainingTypes),
    topic: cleanString().trim().min(1).max(200),
    /** First and last day (inclusive); the same for a one-day training. */
    startDate: isoDate,
    endDate: isoDate,
    hours: z.number().min(0).max(500),
    trainer: cleanString().trim().min(1).max(60),
    location: cleanString().trim().max(120),
    /** Outline of what was taught. */
    content: cleanString().max(5000),
    attendees: z.array(attendeeSchema).max(300),
    /** The client's feedback (评价), and a 1–5 rating when given. */
    feedback: cleanString().max(5000),
    rating: z.number().int().min(1).max(5).optional(),
    /** The plan entry this training fulfils (inspection / special). */
    planId: z.string().max(64).optional(),
  })
  .refine((t) => t.endDate >= t.startDate, { path: ['endDate'], message: 'training:validation.endBeforeStart' });
export type Training = z.infer<typeof trainingSchema>;

export const plannedTrainingTypes = ['inspection', 'special'] as const;

/** One entry of the yearly plan: an inspection training (4 a year) or the special training. */
export const trainingPlanSchema = z.strictObject({
  ...recordBase,
  year: z.number().int().min(2000).max(2100),
  type: z.enum(plannedTrainingTypes),
  /** 1–4 for inspection trainings; 1 for the special training. */
  slot: z.number().int().min(1).max(4),
  plannedDate: isoDate,
  /** The topic the client names one month ahead; '' until named. */
  topic: cleanString().trim().max(200),
  /** When the client named it. */
  topicNamedOn: isoDate.optional(),
  /** Planned length in days (the special training needs at least 3). */
  days: z.number().int().min(1).max(30),
  notes: cleanString().max(1000),
});
export type TrainingPlan = z.infer<typeof trainingPlanSchema>;

import { z } from "zod";

/**
 * Every background job's name, payload and schedule, shared by the sender (workers/enqueue.ts, which lib/
 * imports) and the worker (workers/jobs/*, registered by workers/main.ts): a job name that is not here, or a
 * payload of the wrong shape, is a type error on both sides, and the worker parses with the same schema the
 * sender was typed against. Data only: the handlers live in workers/jobs/.
 */
/**
 * Retries (pg-boss 12 queue and job options: retryLimit, retryDelay in seconds, retryBackoff doubling it with
 * jitter, capped at retryDelayMax). A one-off job (a 12345 import, a case change) is sent once and never
 * again, so it must outlive a short database outage or restart: 10 retries from 5 s doubling up to 10 min
 * span about 45 minutes. A periodic job runs again on its schedule anyway: 3 retries from 10 s.
 */
export const ONE_OFF_RETRY = { retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 } as const;
export const PERIODIC_RETRY = { retryLimit: 3, retryDelay: 10, retryBackoff: true, retryDelayMax: 120 } as const;

export const JOB_DEFINITIONS = {
  /** After cases change (reports, transitions, imports): let cached case tiles go. */
  "case.changed": {
    payload: z.object({ caseId: z.number().int().optional(), action: z.string().max(40).optional() }),
    /** At most one job per 2 s slot: a burst of changes needs one refresh (pg-boss singletonSeconds). */
    throttleSeconds: 2,
    retry: ONE_OFF_RETRY,
  },
  /** A 12345 file uploaded on /hotline: import its rows. */
  "hotline.import": { payload: z.object({ batchId: z.number().int().positive() }), retry: ONE_OFF_RETRY },
  /** Per-region counts of the map and side panel; enqueued after data changes, and nightly as a safety net. */
  "region-stats.refresh": {
    payload: z.object({ reason: z.string().max(200).optional() }),
    schedule: "15 2 * * *",
    retry: PERIODIC_RETRY,
  },
  /** The heat bins of the cases reported since the last run. */
  "case-heat.bin": { payload: z.object({}).passthrough(), schedule: "* * * * *", retry: PERIODIC_RETRY },
  /** The compact copy of the open cases the map's case cells read. */
  "case-map.refresh-open": {
    payload: z.object({ force: z.boolean().optional() }).passthrough(),
    schedule: "* * * * *",
    retry: PERIODIC_RETRY,
  },
  /** The stage clock: lights, reminders, red warnings and escalations; `now` for a manual catch-up run. */
  "case-clock.run": {
    payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
    schedule: "* * * * *",
    retry: PERIODIC_RETRY,
  },
  /**
   * Each person's attendance day (lib/attendance/days): the previous local day, every night at 00:10 Beijing time
   * (16:10 UTC: schedules run in the server's zone, UTC); on demand for a given day and optionally some people.
   */
  "attendance-days.compute": {
    payload: z.object({
      day: z.iso.date().optional(),
      staffIds: z.array(z.number().int().positive()).max(10_000).optional(),
    }),
    schedule: "10 16 * * *",
    retry: PERIODIC_RETRY,
  },
  /**
   * The monthly attendance report of the month before, at the start of each month: a daily check at 01:30 Beijing
   * time (17:30 UTC) makes it when the past month has no report yet (so a worker down on the 1st still makes it
   * the day after); `month` ("YYYY-MM") makes a new version on demand.
   */
  "attendance-month.report": {
    payload: z.object({
      month: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
        .optional(),
    }),
    schedule: "30 17 * * *",
    retry: PERIODIC_RETRY,
  },
  /**
   * Approved transfers whose effective (Beijing) day has come: posts, jobs and sign-in assignments move
   * (lib/transfer/apply-due-transfers.ts). Hourly, so a day's transfers apply early in that day whatever the
   * server's zone; an approval whose day has already come applies at once without waiting. `day` for a catch-up.
   */
  "transfer.apply-due": {
    payload: z.object({ day: z.iso.date().optional() }),
    schedule: "5 * * * *",
    retry: PERIODIC_RETRY,
  },
} as const satisfies Record<string, JobSpec>;

type JobSpec = {
  payload: z.ZodType;
  /** Cron expression (server time zone) for periodic jobs. */
  schedule?: string;
  /** Sends inside a taken slot of this length are dropped ("something changed, refresh" jobs). */
  throttleSeconds?: number;
  /** How a failed run is retried: set on the queue and on every job sent. */
  retry: RetryOptions;
};

export type RetryOptions = { retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax: number };

export type JobName = keyof typeof JOB_DEFINITIONS;
/** What a sender passes (defaults not yet applied). */
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOB_DEFINITIONS)[N]["payload"]>;
/** What a handler receives, parsed. */
export type JobPayload<N extends JobName> = z.output<(typeof JOB_DEFINITIONS)[N]["payload"]>;

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];

/** The schedule of a job, if it is periodic. */
export function jobSchedule(name: JobName): string | undefined {
  const spec: JobSpec = JOB_DEFINITIONS[name];
  return spec.schedule;
}

/** The throttle slot of a job in seconds, if sends are throttled. */
export function jobThrottleSeconds(name: JobName): number | undefined {
  const spec: JobSpec = JOB_DEFINITIONS[name];
  return spec.throttleSeconds;
}

/** The retry options of a job: its queue is created with them and every send carries them. */
export function jobRetry(name: JobName): RetryOptions {
  const spec: JobSpec = JOB_DEFINITIONS[name];
  return { ...spec.retry };
}

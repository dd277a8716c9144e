import type { Connection } from "../db/client";
import { JOB_DEFINITIONS, jobSchedule, type JobName, type JobPayload } from "./job-definitions";

type JobDeps = { conn: Connection };

/** A background job's handler, for one of the names in workers/job-definitions.ts (payload and schedule come from there). */
export type JobHandler<N extends JobName> = {
  name: N;
  handle: (payload: JobPayload<N>, deps: JobDeps) => Promise<void>;
};

/** What the worker registers: the payload is parsed by the job's own schema before its handler runs. */
export type RegisteredJob = { name: JobName; schedule?: string; run: (data: unknown, deps: JobDeps) => Promise<void> };

export function defineJob<N extends JobName>(job: JobHandler<N>): JobHandler<N> & RegisteredJob {
  const payload = JOB_DEFINITIONS[job.name].payload;
  return {
    ...job,
    schedule: jobSchedule(job.name),
    run: async (data, deps) => job.handle(payload.parse(data ?? {}) as JobPayload<N>, deps),
  };
}

import type { z } from "zod";
import type { Connection } from "../db/client";

type JobDeps = { conn: Connection };

/** A background job: its queue name, the payload schema, an optional cron schedule, and the handler. */
export type JobDefinition<Payload> = {
  name: string;
  payload: z.ZodType<Payload>;
  /** Cron expression (server time zone) for periodic jobs. */
  schedule?: string;
  handle: (payload: Payload, deps: JobDeps) => Promise<void>;
};

/** What the worker registers: the payload is parsed by the job's own schema before its handler runs. */
export type RegisteredJob = { name: string; schedule?: string; run: (data: unknown, deps: JobDeps) => Promise<void> };

export function defineJob<Payload>(definition: JobDefinition<Payload>): JobDefinition<Payload> & RegisteredJob {
  return { ...definition, run: (data, deps) => definition.handle(definition.payload.parse(data ?? {}), deps) };
}

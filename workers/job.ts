import type { z } from "zod";
import type { Connection } from "../db/client";

/** A background job: its queue name, the payload schema, an optional cron schedule, and the handler. */
export type JobDefinition<Payload> = {
  name: string;
  payload: z.ZodType<Payload>;
  /** Cron expression (server time zone) for periodic jobs. */
  schedule?: string;
  handle: (payload: Payload, deps: { conn: Connection }) => Promise<void>;
};

export function defineJob<Payload>(definition: JobDefinition<Payload>) {
  return definition;
}

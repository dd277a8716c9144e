import type { JobDefinition } from "../job";
import { refreshRegionStatsJob } from "./refresh-region-stats";

/** Every job the worker process runs; the web process only enqueues (workers/enqueue.ts). */
export const jobs: JobDefinition<never>[] = [refreshRegionStatsJob as JobDefinition<never>];

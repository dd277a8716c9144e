import type { RegisteredJob } from "../job";
import { caseChangedJob } from "./case-changed";
import { refreshRegionStatsJob } from "./refresh-region-stats";

/** Every job the worker process runs; the web process only enqueues (workers/enqueue.ts). */
export const jobs: RegisteredJob[] = [refreshRegionStatsJob, caseChangedJob];

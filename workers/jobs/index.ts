import type { RegisteredJob } from "../job";
import { refreshRegionStatsJob } from "./refresh-region-stats";

/** Every job the worker process runs; the web process only enqueues (workers/enqueue.ts). */
export const jobs: RegisteredJob[] = [refreshRegionStatsJob];

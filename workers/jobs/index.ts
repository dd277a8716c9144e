import type { RegisteredJob } from "../job";
import { caseChangedJob } from "./case-changed";
import { refreshRegionStatsJob } from "./refresh-region-stats";
import { binCaseHeatJob } from "./bin-case-heat";
import { refreshCaseMapOpenJob } from "./refresh-case-map-open";
import { hotlineImportJob } from "./hotline-import";
import { runCaseClockJob } from "./run-case-clock";
import { computeAttendanceDaysJob } from "./compute-attendance-days";
import { attendanceMonthReportJob } from "./attendance-month-report";
import { applyDueTransfersJob } from "./apply-due-transfers";

/** Every job the worker process runs; the web process only enqueues (workers/enqueue.ts). */
export const jobs: RegisteredJob[] = [
  refreshRegionStatsJob,
  caseChangedJob,
  binCaseHeatJob,
  hotlineImportJob,
  runCaseClockJob,
  refreshCaseMapOpenJob,
  computeAttendanceDaysJob,
  attendanceMonthReportJob,
  applyDueTransfersJob,
];

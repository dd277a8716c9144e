/** Shapes of the hotline intake that leave lib/ (pages, routes): camelCase, ISO instants, no phones. */

export type BatchOutcome = "created" | "updated" | "unchanged" | "queued" | "rejected";

export type BatchDto = {
  id: number;
  fileName: string;
  format: string;
  encoding: string | null;
  createdByName: string;
  status: "pending" | "running" | "done" | "failed";
  totalRows: number;
  processedRows: number;
  counts: Record<BatchOutcome, number>;
  createdAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
};

export type BatchRowDto = {
  rowNumber: number;
  orderNo: string | null;
  outcome: BatchOutcome;
  reasonCode: string | null;
  message: string | null;
  caseId: number | null;
  caseNumber: string | null;
};

export type BatchReportDto = { batch: BatchDto; rows: BatchRowDto[]; shownOutcome: BatchOutcome | null; matching: number };

export type QueueItemDto = {
  id: number;
  orderNo: string;
  version: number;
  receivedAt: string;
  dueAt: string | null;
  kind: string;
  address: string | null;
  content: string;
};

export type QueuePageDto = { items: QueueItemDto[]; total: number; nextCursor: string | null };

/** One row of the personal-data access log as the auditor page shows it. */
export type PiiAccessEntry = {
  id: number;
  /** ISO timestamp. */
  at: string;
  userId: number | null;
  username: string;
  displayName: string | null;
  kind: string;
  kindName: string;
  field: string;
  fieldName: string;
  residentId: number | null;
  /** The case whose free text was revealed (field case_text). */
  caseId: number | null;
  regionId: number | null;
  regionName: string | null;
  reason: string | null;
  rowCount: number | null;
  unmasked: boolean;
  address: string | null;
};

/** One row of the change audit; before/after as stored (JSON), plus a compact summary of the change. */
export type AuditEntry = {
  id: number;
  at: string;
  actorUserId: number | null;
  actorName: string;
  action: string;
  /** The action's Chinese name (新建账户, 案件·签收); the key when it has none. */
  actionName: string;
  entity: string;
  /** The Chinese name of the kind of thing changed (账户, 案件). */
  entityName: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** "status: active → disabled; role: …" — see summarize-change.ts. */
  change: string[];
  address: string | null;
};

/** A page of a log, newest first; `nextBefore` is the cursor of the next (older) page, null at the end. */
export type LogPage<T> = { entries: T[]; nextBefore: number | null };

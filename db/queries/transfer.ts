import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "../client";
import { scopeLiteral, type Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

export type TransferState = "pending" | "approved" | "rejected" | "applied" | "cancelled";
export type TransferSide = "release" | "receive";
export type GridRole = "grid_head" | "full_time" | "part_time";

/** A department with the facts a transfer needs: its area and the case unit it acts as. */
export type DepartmentFacts = {
  id: number;
  name: string;
  kind: string;
  level: number;
  regionId: number;
  regionPath: string;
  caseUnitId: number | null;
};

export async function findDepartmentFacts(db: Database, id: number): Promise<DepartmentFacts | undefined> {
  return db
    .selectFrom("department as d")
    .innerJoin("region as r", "r.id", "d.region_id")
    .select([
      "d.id",
      "d.name",
      "d.kind",
      "d.level",
      "d.region_id as regionId",
      sql<string>`r.path::text`.as("regionPath"),
      "d.case_unit_id as caseUnitId",
    ])
    .where("d.id", "=", id)
    .where(sql<SqlBool>`d.valid_to is null or d.valid_to > current_date`)
    .executeTakeFirst();
}

export async function findPositionFacts(
  db: Database,
  id: number,
): Promise<{ id: number; name: string; gridRole: GridRole | null } | undefined> {
  const row = await db
    .selectFrom("staff_position")
    .select(["id", "name", "grid_role as gridRole"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, gridRole: row.gridRole as GridRole | null } : undefined;
}

export async function findRegionFacts(
  db: Database,
  id: number,
): Promise<{ id: number; name: string; level: number; path: string } | undefined> {
  return db
    .selectFrom("region")
    .select(["id", "name", "level", sql<string>`path::text`.as("path")])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** A person as a transfer sees them: where they are now, and the grid post they hold on `day`. */
export type StaffPlacement = {
  id: number;
  name: string;
  staffNo: string;
  departmentId: number;
  positionId: number;
  rankId: number;
  userId: number | null;
  version: number;
  leaveDate: string | null;
  post: { id: number; regionId: number; gridRole: GridRole } | null;
};

/** The person and their current post; `forUpdate` locks the staff row (the transfer's application). */
export async function findStaffPlacement(
  db: Database,
  staffId: number,
  day: string,
  options: { forUpdate?: boolean } = {},
): Promise<StaffPlacement | undefined> {
  let query = db
    .selectFrom("staff")
    .select([
      "id",
      "name",
      "staff_no as staffNo",
      "department_id as departmentId",
      "position_id as positionId",
      "rank_id as rankId",
      "user_id as userId",
      "version",
      sql<string | null>`leave_date::text`.as("leaveDate"),
    ])
    .where("id", "=", staffId);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  // The post they hold on the day, a 专职/网格长 post before a 兼职 one when they hold several.
  const post = await db
    .selectFrom("grid_post")
    .select(["id", "region_id as regionId", "grid_role as gridRole"])
    .where("staff_id", "=", staffId)
    .where(sql<SqlBool>`valid_from <= ${day}::date and (valid_to is null or valid_to > ${day}::date)`)
    .orderBy(sql`case grid_role when 'full_time' then 0 when 'grid_head' then 1 else 2 end`)
    .orderBy("id")
    .executeTakeFirst();
  return { ...row, post: post ? { ...post, gridRole: post.gridRole as GridRole } : null };
}

export type NewTransfer = {
  staffId: number;
  fromDepartmentId: number;
  fromPositionId: number;
  fromRegionId: number | null;
  fromGridRole: GridRole | null;
  toDepartmentId: number;
  toPositionId: number;
  toRegionId: number | null;
  toGridRole: GridRole | null;
  reason: string;
  effectiveDate: string;
  requestId: string;
  requestedBy: number | null;
  requestedByName: string;
};

export async function insertTransfer(db: Database, t: NewTransfer): Promise<number> {
  const row = await db
    .insertInto("transfer")
    .values({
      staff_id: t.staffId,
      from_department_id: t.fromDepartmentId,
      from_position_id: t.fromPositionId,
      from_region_id: t.fromRegionId,
      from_grid_role: t.fromGridRole,
      to_department_id: t.toDepartmentId,
      to_position_id: t.toPositionId,
      to_region_id: t.toRegionId,
      to_grid_role: t.toGridRole,
      reason: t.reason,
      effective_date: sql<Date>`${t.effectiveDate}::date`,
      request_id: t.requestId,
      requested_by: t.requestedBy,
      requested_by_name: t.requestedByName,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findTransferIdByRequest(db: Database, requestId: string): Promise<number | undefined> {
  const row = await db.selectFrom("transfer").select("id").where("request_id", "=", requestId).executeTakeFirst();
  return row?.id;
}

/** The open (pending or approved) transfer of a person, if any. */
export async function findOpenTransferOfStaff(db: Database, staffId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom("transfer")
    .select("id")
    .where("staff_id", "=", staffId)
    .where("state", "in", ["pending", "approved"])
    .executeTakeFirst();
  return row?.id;
}

/** The transfer row as the verbs decide on it (dates as "YYYY-MM-DD"). */
export type TransferRow = {
  id: number;
  staffId: number;
  fromDepartmentId: number;
  fromPositionId: number;
  fromRegionId: number | null;
  fromGridRole: GridRole | null;
  toDepartmentId: number;
  toPositionId: number;
  toRegionId: number | null;
  toGridRole: GridRole | null;
  reason: string;
  effectiveDate: string;
  state: TransferState;
  releaseDecision: "approved" | "rejected" | null;
  releaseByName: string | null;
  receiveDecision: "approved" | "rejected" | null;
  receiveByName: string | null;
  applyError: string | null;
  version: number;
  fromDepartmentPath: string;
  toDepartmentPath: string;
  /** Area paths the transfer touches: the two departments' regions and the two posts' regions. */
  paths: string[];
};

function transferRowQuery(db: Database) {
  return db
    .selectFrom("transfer as t")
    .innerJoin("department as fd", "fd.id", "t.from_department_id")
    .innerJoin("region as fdr", "fdr.id", "fd.region_id")
    .innerJoin("department as td", "td.id", "t.to_department_id")
    .innerJoin("region as tdr", "tdr.id", "td.region_id")
    .leftJoin("region as fr", "fr.id", "t.from_region_id")
    .leftJoin("region as tr", "tr.id", "t.to_region_id")
    .select([
      "t.id",
      "t.staff_id as staffId",
      "t.from_department_id as fromDepartmentId",
      "t.from_position_id as fromPositionId",
      "t.from_region_id as fromRegionId",
      sql<GridRole | null>`t.from_grid_role`.as("fromGridRole"),
      "t.to_department_id as toDepartmentId",
      "t.to_position_id as toPositionId",
      "t.to_region_id as toRegionId",
      sql<GridRole | null>`t.to_grid_role`.as("toGridRole"),
      "t.reason",
      sql<string>`t.effective_date::text`.as("effectiveDate"),
      sql<TransferState>`t.state`.as("state"),
      sql<"approved" | "rejected" | null>`t.release_decision`.as("releaseDecision"),
      "t.release_by_name as releaseByName",
      sql<"approved" | "rejected" | null>`t.receive_decision`.as("receiveDecision"),
      "t.receive_by_name as receiveByName",
      "t.apply_error as applyError",
      "t.version",
      sql<string>`fdr.path::text`.as("fromDepartmentPath"),
      sql<string>`tdr.path::text`.as("toDepartmentPath"),
      sql<string[]>`array_remove(array[fdr.path::text, tdr.path::text, fr.path::text, tr.path::text], null)`.as("paths"),
    ]);
}

/** The transfer, locked for this transaction (decisions, cancellation, application). */
export async function findTransferForUpdate(db: Database, id: number): Promise<TransferRow | undefined> {
  return transferRowQuery(db).where("t.id", "=", id).forUpdate("t").executeTakeFirst();
}

export async function findTransferRow(db: Database, id: number): Promise<TransferRow | undefined> {
  return transferRowQuery(db).where("t.id", "=", id).executeTakeFirst();
}

type DecisionPatch = { decision: "approved" | "rejected"; byUserId: number | null; byName: string; note: string | null };

/** Records one side's decision and the state it leads to; bumps the version. */
export async function recordTransferDecision(
  db: Database,
  id: number,
  side: TransferSide,
  d: DecisionPatch,
  state: TransferState,
): Promise<void> {
  const at = sql<Date>`now()`;
  const values =
    side === "release"
      ? { release_decision: d.decision, release_by: d.byUserId, release_by_name: d.byName, release_note: d.note, release_at: at }
      : { receive_decision: d.decision, receive_by: d.byUserId, receive_by_name: d.byName, receive_note: d.note, receive_at: at };
  await db
    .updateTable("transfer")
    .set({ ...values, state, version: sql<number>`version + 1`, updated_at: at })
    .where("id", "=", id)
    .execute();
}

export async function markTransferCancelled(
  db: Database,
  id: number,
  by: { userId: number | null; name: string; note: string | null },
): Promise<void> {
  await db
    .updateTable("transfer")
    .set({
      state: "cancelled",
      cancelled_by: by.userId,
      cancelled_by_name: by.name,
      cancel_note: by.note,
      cancelled_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

export async function markTransferApplied(db: Database, id: number): Promise<void> {
  await db
    .updateTable("transfer")
    .set({
      state: "applied",
      applied_at: sql<Date>`now()`,
      apply_attempted_at: sql<Date>`now()`,
      apply_error: null,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where("id", "=", id)
    .execute();
}

/** Keeps an approved transfer approved, with why it could not be applied (no version bump: nobody's copy is stale). */
export async function recordTransferApplyError(db: Database, id: number, message: string): Promise<void> {
  await db
    .updateTable("transfer")
    .set({ apply_error: message, apply_attempted_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("state", "=", "approved")
    .execute();
}

/** Approved transfers whose effective day has come, oldest first. */
export async function findDueTransferIds(db: Database, day: string, limit = 500): Promise<number[]> {
  const rows = await db
    .selectFrom("transfer")
    .select("id")
    .where("state", "=", "approved")
    .where(sql<SqlBool>`effective_date <= ${day}::date`)
    .orderBy("effective_date")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

// ---- approvers -------------------------------------------------------------------------------------------

/** The accounts named as approvers of a department for a side (empty: the fallback rule applies). */
export async function findConfiguredApprovers(db: Database, departmentId: number, side: TransferSide): Promise<number[]> {
  const rows = await db
    .selectFrom("transfer_approver")
    .select("user_id")
    .where("department_id", "=", departmentId)
    .where("side", "=", side)
    .orderBy("user_id")
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertTransferApprover(db: Database, departmentId: number, side: TransferSide, userId: number) {
  await db
    .insertInto("transfer_approver")
    .values({ department_id: departmentId, side, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

// ---- lists -----------------------------------------------------------------------------------------------

/**
 * The SQL form of the approver rule (lib/transfer/approver-rule.ts): the user is named for the department and
 * side, or nobody is named and the department's region lies inside the approve scope.
 */
function approverOf(side: TransferSide, userId: number | null, approveScope: Scope): RawBuilder<SqlBool> {
  const dept = side === "release" ? sql.ref("t.from_department_id") : sql.ref("t.to_department_id");
  const deptPath = side === "release" ? sql.ref("fdr.path") : sql.ref("tdr.path");
  const named = sql<SqlBool>`exists (select 1 from transfer_approver a where a.department_id = ${dept} and a.side = ${side} and a.user_id = ${userId})`;
  const anyNamed = sql<SqlBool>`exists (select 1 from transfer_approver a where a.department_id = ${dept} and a.side = ${side})`;
  if (approveScope.length === 0) return named;
  return sql<SqlBool>`(${named} or (not ${anyNamed} and ${deptPath} <@ ${scopeLiteral(approveScope)}::ltree[]))`;
}

export type TransferListTab = "mine" | "outgoing" | "incoming" | "done";

export type TransferListFilter = {
  tab: TransferListTab;
  /** The area in which the caller sees transfers (request ∪ approve scopes). */
  scope: Scope;
  approveScope: Scope;
  userId: number | null;
  /** The start of a name or staff number. */
  q?: string;
  /** Keyset: rows with a smaller id. */
  beforeId?: number;
  limit: number;
};

export type TransferListRow = {
  id: number;
  staffId: number;
  staffName: string;
  staffNo: string;
  fromDepartment: string;
  fromRegion: string | null;
  fromGridRole: GridRole | null;
  toDepartment: string;
  toRegion: string | null;
  toGridRole: GridRole | null;
  effectiveDate: string;
  state: TransferState;
  releaseDecision: "approved" | "rejected" | null;
  receiveDecision: "approved" | "rejected" | null;
  applyError: string | null;
  requestedAt: Date;
};

function transferListQuery(db: Database) {
  return db
    .selectFrom("transfer as t")
    .innerJoin("staff as s", "s.id", "t.staff_id")
    .innerJoin("department as fd", "fd.id", "t.from_department_id")
    .innerJoin("region as fdr", "fdr.id", "fd.region_id")
    .innerJoin("department as td", "td.id", "t.to_department_id")
    .innerJoin("region as tdr", "tdr.id", "td.region_id")
    .leftJoin("region as fr", "fr.id", "t.from_region_id")
    .leftJoin("region as tr", "tr.id", "t.to_region_id")
    .select([
      "t.id",
      "t.staff_id as staffId",
      "s.name as staffName",
      "s.staff_no as staffNo",
      "fd.name as fromDepartment",
      "fr.name as fromRegion",
      sql<GridRole | null>`t.from_grid_role`.as("fromGridRole"),
      "td.name as toDepartment",
      "tr.name as toRegion",
      sql<GridRole | null>`t.to_grid_role`.as("toGridRole"),
      sql<string>`t.effective_date::text`.as("effectiveDate"),
      sql<TransferState>`t.state`.as("state"),
      sql<"approved" | "rejected" | null>`t.release_decision`.as("releaseDecision"),
      sql<"approved" | "rejected" | null>`t.receive_decision`.as("receiveDecision"),
      "t.apply_error as applyError",
      "t.requested_at as requestedAt",
    ]);
}

/** A person's transfers, every state, newest first (the staff detail's 调动记录). */
export async function listTransfersOfStaff(db: Database, staffId: number): Promise<TransferListRow[]> {
  return transferListQuery(db)
    .where("t.staff_id", "=", staffId)
    .orderBy("t.requested_at", "desc")
    .orderBy("t.id", "desc")
    .execute();
}

/** One page of a tab of /transfers, newest first. */
export async function listTransfers(db: Database, f: TransferListFilter): Promise<TransferListRow[]> {
  const scope = scopeLiteral(f.scope);
  const fromIn = sql<SqlBool>`(fdr.path <@ ${scope}::ltree[] or coalesce(fr.path <@ ${scope}::ltree[], false))`;
  const toIn = sql<SqlBool>`(tdr.path <@ ${scope}::ltree[] or coalesce(tr.path <@ ${scope}::ltree[], false))`;
  let query = transferListQuery(db);
  if (f.tab === "mine") {
    query = query.where("t.state", "=", "pending").where(
      sql<SqlBool>`((t.release_decision is null and ${approverOf("release", f.userId, f.approveScope)})
                   or (t.receive_decision is null and ${approverOf("receive", f.userId, f.approveScope)}))`,
    );
  } else if (f.tab === "outgoing") {
    query = query.where("t.state", "in", ["pending", "approved"]).where(fromIn);
  } else if (f.tab === "incoming") {
    query = query.where("t.state", "in", ["pending", "approved"]).where(toIn);
  } else {
    query = query.where("t.state", "in", ["applied", "rejected", "cancelled"]).where(sql<SqlBool>`(${fromIn} or ${toIn})`);
  }
  if (f.q) query = query.where(sql<SqlBool>`(s.name like ${`${f.q}%`} or s.staff_no like ${`${f.q}%`})`);
  if (f.beforeId !== undefined) query = query.where("t.id", "<", f.beforeId);
  return query.orderBy("t.id", "desc").limit(f.limit).execute();
}

/** Counts of the open tabs (badges). */
export async function countTransferTabs(
  db: Database,
  f: Pick<TransferListFilter, "scope" | "approveScope" | "userId">,
): Promise<Record<"mine" | "outgoing" | "incoming", number>> {
  const scope = scopeLiteral(f.scope);
  const row = await db
    .selectFrom("transfer as t")
    .innerJoin("department as fd", "fd.id", "t.from_department_id")
    .innerJoin("region as fdr", "fdr.id", "fd.region_id")
    .innerJoin("department as td", "td.id", "t.to_department_id")
    .innerJoin("region as tdr", "tdr.id", "td.region_id")
    .leftJoin("region as fr", "fr.id", "t.from_region_id")
    .leftJoin("region as tr", "tr.id", "t.to_region_id")
    .select([
      sql<number>`count(*) filter (where t.state = 'pending' and ((t.release_decision is null and ${approverOf("release", f.userId, f.approveScope)})
                   or (t.receive_decision is null and ${approverOf("receive", f.userId, f.approveScope)})))::int`.as("mine"),
      sql<number>`count(*) filter (where fdr.path <@ ${scope}::ltree[] or coalesce(fr.path <@ ${scope}::ltree[], false))::int`.as(
        "outgoing",
      ),
      sql<number>`count(*) filter (where tdr.path <@ ${scope}::ltree[] or coalesce(tr.path <@ ${scope}::ltree[], false))::int`.as(
        "incoming",
      ),
    ])
    .where("t.state", "in", ["pending", "approved"])
    .executeTakeFirstOrThrow();
  return row;
}

/** The transfer with names for its detail page. */
export async function findTransferDetail(db: Database, id: number) {
  return db
    .selectFrom("transfer as t")
    .innerJoin("staff as s", "s.id", "t.staff_id")
    .innerJoin("department as fd", "fd.id", "t.from_department_id")
    .innerJoin("department as td", "td.id", "t.to_department_id")
    .innerJoin("staff_position as fp", "fp.id", "t.from_position_id")
    .innerJoin("staff_position as tp", "tp.id", "t.to_position_id")
    .leftJoin("region as fr", "fr.id", "t.from_region_id")
    .leftJoin("region as tr", "tr.id", "t.to_region_id")
    .select([
      "t.id",
      "t.staff_id as staffId",
      "s.name as staffName",
      "s.staff_no as staffNo",
      "fd.name as fromDepartment",
      "fp.name as fromPosition",
      "fr.name as fromRegion",
      "t.from_region_id as fromRegionId",
      sql<GridRole | null>`t.from_grid_role`.as("fromGridRole"),
      "td.name as toDepartment",
      "tp.name as toPosition",
      "tr.name as toRegion",
      sql<GridRole | null>`t.to_grid_role`.as("toGridRole"),
      "t.reason",
      sql<string>`t.effective_date::text`.as("effectiveDate"),
      sql<TransferState>`t.state`.as("state"),
      "t.requested_by_name as requestedByName",
      "t.requested_at as requestedAt",
      sql<"approved" | "rejected" | null>`t.release_decision`.as("releaseDecision"),
      "t.release_by_name as releaseByName",
      "t.release_at as releaseAt",
      "t.release_note as releaseNote",
      sql<"approved" | "rejected" | null>`t.receive_decision`.as("receiveDecision"),
      "t.receive_by_name as receiveByName",
      "t.receive_at as receiveAt",
      "t.receive_note as receiveNote",
      "t.cancelled_by_name as cancelledByName",
      "t.cancelled_at as cancelledAt",
      "t.cancel_note as cancelNote",
      "t.applied_at as appliedAt",
      "t.apply_error as applyError",
      "t.apply_attempted_at as applyAttemptedAt",
      "t.version",
    ])
    .where("t.id", "=", id)
    .executeTakeFirst();
}

export type TransferDetailRow = NonNullable<Awaited<ReturnType<typeof findTransferDetail>>>;

/** Whether a person is in the area: their department's region or a post in force lies inside it. */
export async function findStaffAreaPaths(db: Database, staffId: number): Promise<string[]> {
  const { rows } = await sql<{ path: string }>`
    select r.path::text as path from staff s join department d on d.id = s.department_id join region r on r.id = d.region_id
     where s.id = ${staffId}
    union
    select r.path::text from grid_post p join region r on r.id = p.region_id
     where p.staff_id = ${staffId} and p.valid_from <= current_date and (p.valid_to is null or p.valid_to > current_date)`.execute(
    db,
  );
  return rows.map((r) => r.path);
}

// ---- the request form ------------------------------------------------------------------------------------

/** The person as the form shows them: where they are now (names), and the version the request will name. */
export async function findStaffBrief(db: Database, staffId: number, day: string) {
  return db
    .selectFrom("staff as s")
    .innerJoin("department as d", "d.id", "s.department_id")
    .innerJoin("staff_position as p", "p.id", "s.position_id")
    .select([
      "s.id",
      "s.name",
      "s.staff_no as staffNo",
      "s.version",
      "d.name as department",
      "p.name as position",
      sql<string | null>`(select r.name from grid_post gp join region r on r.id = gp.region_id
         where gp.staff_id = s.id and gp.valid_from <= ${day}::date and (gp.valid_to is null or gp.valid_to > ${day}::date)
         order by case gp.grid_role when 'full_time' then 0 when 'grid_head' then 1 else 2 end, gp.id limit 1)`.as("postRegion"),
      sql<GridRole | null>`(select gp.grid_role from grid_post gp
         where gp.staff_id = s.id and gp.valid_from <= ${day}::date and (gp.valid_to is null or gp.valid_to > ${day}::date)
         order by case gp.grid_role when 'full_time' then 0 when 'grid_head' then 1 else 2 end, gp.id limit 1)`.as("postRole"),
    ])
    .where("s.id", "=", staffId)
    .executeTakeFirst();
}

/** Departments in force whose region lies in the area, by region path then name (the form's choice). */
export async function findDepartmentsInScope(
  db: Database,
  scope: Scope,
): Promise<{ id: number; name: string; regionName: string }[]> {
  return db
    .selectFrom("department as d")
    .innerJoin("region as r", "r.id", "d.region_id")
    .select(["d.id", "d.name", "r.name as regionName"])
    .where(sql<SqlBool>`r.path <@ ${scopeLiteral(scope)}::ltree[]`)
    .where(sql<SqlBool>`d.valid_to is null or d.valid_to > current_date`)
    .orderBy(sql`r.path`)
    .orderBy("d.sort_order")
    .orderBy("d.name")
    .limit(2000)
    .execute();
}

export async function findAllPositions(db: Database): Promise<{ id: number; name: string; gridRole: GridRole | null }[]> {
  const rows = await db
    .selectFrom("staff_position")
    .select(["id", "name", "grid_role as gridRole"])
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
  return rows.map((r) => ({ ...r, gridRole: r.gridRole as GridRole | null }));
}

/** Grids (大片区 … 基础网格) inside a department's region and the area: where a post of that department can be. */
export async function findPostRegions(
  db: Database,
  departmentPath: string,
  scope: Scope,
): Promise<{ id: number; name: string; level: number; code: string }[]> {
  return db
    .selectFrom("region as g")
    .select(["g.id", "g.name", "g.level", "g.code"])
    .where("g.level", ">=", 1)
    .where(sql<SqlBool>`g.path <@ ${departmentPath}::ltree and g.path <@ ${scopeLiteral(scope)}::ltree[]`)
    .orderBy(sql`g.path`)
    .limit(2000)
    .execute();
}

/** People of the area whose name or staff number starts with `q` (the form's person picker). */
export async function findStaffByPrefix(db: Database, scope: Scope, q: string, limit = 20) {
  return db
    .selectFrom("staff as s")
    .innerJoin("department as d", "d.id", "s.department_id")
    .select(["s.id", "s.name", "s.staff_no as staffNo", "d.name as department"])
    .where(sql<SqlBool>`(s.name like ${`${q}%`} or s.staff_no like ${`${q}%`})`)
    .where(staffWithinScope(sql.ref("s.id"), scope))
    .orderBy("s.name")
    .orderBy("s.id")
    .limit(limit)
    .execute();
}

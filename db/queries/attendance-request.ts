import { sql } from "kysely";
import type { Database } from "../client";
import type { Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/** A correction (补卡) or leave request as the verbs and pages read it (dates "YYYY-MM-DD"). */
export type AttendanceRequestRow = {
  id: number;
  staffId: number;
  staffName: string;
  staffNo: string;
  staffUserId: number | null;
  kind: "correction" | "leave";
  day: string;
  untilDay: string | null;
  punchKind: "in" | "out" | null;
  punchAt: Date | null;
  leaveType: string | null;
  reason: string;
  state: "pending" | "approved" | "rejected" | "withdrawn";
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: number | null;
  decisionNote: string | null;
  version: number;
};

const REQUEST_COLUMNS = sql`q.id, q.staff_id as "staffId", s.name as "staffName", s.staff_no as "staffNo",
  s.user_id as "staffUserId", q.kind, to_char(q.day, 'YYYY-MM-DD') as day, to_char(q.until_day, 'YYYY-MM-DD') as "untilDay",
  q.punch_kind as "punchKind", q.punch_at as "punchAt", q.leave_type as "leaveType", q.reason, q.state,
  q.requested_at as "requestedAt", q.decided_at as "decidedAt", q.decided_by as "decidedBy",
  q.decision_note as "decisionNote", q.version`;

/** The staff record of a sign-in account, if it has one. */
export async function findStaffOfUser(
  db: Database,
  userId: number,
): Promise<{ id: number; name: string; departmentId: number } | undefined> {
  const { rows } = await sql<{ id: number; name: string; departmentId: number }>`
    select id, name, department_id as "departmentId" from staff where user_id = ${userId}`.execute(db);
  return rows[0];
}

/** A person, only when inside the scope. */
export async function findStaffInScope(
  db: Database,
  staffId: number,
  scope: Scope,
): Promise<{ id: number; name: string; staffNo: string; userId: number | null } | undefined> {
  const { rows } = await sql<{ id: number; name: string; staffNo: string; userId: number | null }>`
    select s.id, s.name, s.staff_no as "staffNo", s.user_id as "userId" from staff s
     where s.id = ${staffId} and ${staffWithinScope(sql`s.id`, scope)}`.execute(db);
  return rows[0];
}

/** Whether the monthly report of the month holding `day` is confirmed (locked). */
export async function isMonthLocked(db: Database, day: string): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`
    select exists (select 1 from attendance_month_report
                    where month = date_trunc('month', ${day}::date)::date and state = 'confirmed') as locked`.execute(db);
  return rows[0].locked;
}

/** Pending or approved leave of a person overlapping [day, until]. */
export async function findOverlappingLeave(
  db: Database,
  staffId: number,
  day: string,
  until: string,
): Promise<{ day: string; until: string } | undefined> {
  const { rows } = await sql<{ day: string; until: string }>`
    select to_char(day, 'YYYY-MM-DD') as day, to_char(coalesce(until_day, day), 'YYYY-MM-DD') as until
      from attendance_request
     where staff_id = ${staffId} and kind = 'leave' and state in ('pending', 'approved')
       and day <= ${until}::date and coalesce(until_day, day) >= ${day}::date
     order by day limit 1`.execute(db);
  return rows[0];
}

export async function hasPendingCorrection(db: Database, staffId: number, day: string, punchKind: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from attendance_request where staff_id = ${staffId} and kind = 'correction'
                     and state = 'pending' and day = ${day}::date and punch_kind = ${punchKind}) as found`.execute(db);
  return rows[0].found;
}

export type NewAttendanceRequest = {
  staffId: number;
  kind: "correction" | "leave";
  day: string;
  untilDay: string | null;
  punchKind: "in" | "out" | null;
  punchAt: string | null;
  leaveType: string | null;
  reason: string;
  requestedBy: number | null;
};

export async function insertAttendanceRequest(db: Database, v: NewAttendanceRequest): Promise<AttendanceRequestRow> {
  const { rows } = await sql<{ id: number }>`
    insert into attendance_request (staff_id, kind, day, until_day, punch_kind, punch_at, leave_type, reason, requested_by)
    values (${v.staffId}, ${v.kind}, ${v.day}::date, ${v.untilDay}::date, ${v.punchKind}, ${v.punchAt}::timestamptz,
            ${v.leaveType}, ${v.reason}, ${v.requestedBy})
    returning id`.execute(db);
  return (await findAttendanceRequest(db, rows[0].id))!;
}

export async function findAttendanceRequest(
  db: Database,
  id: number,
  options: { lock?: boolean } = {},
): Promise<AttendanceRequestRow | undefined> {
  const lock = options.lock ? sql`for update of q` : sql``;
  const { rows } = await sql<AttendanceRequestRow>`
    select ${REQUEST_COLUMNS} from attendance_request q join staff s on s.id = q.staff_id where q.id = ${id} ${lock}`.execute(db);
  return rows[0];
}

/** Sets the decision of a pending request; undefined when it was no longer pending. */
export async function decideAttendanceRequest(
  db: Database,
  id: number,
  v: { state: "approved" | "rejected" | "withdrawn"; decidedBy: number | null; note: string | null },
): Promise<boolean> {
  const result = await sql`
    update attendance_request set state = ${v.state}, decided_by = ${v.decidedBy}, decided_at = now(),
           decision_note = ${v.note}, version = version + 1
     where id = ${id} and state = 'pending'`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}

/** The punch an approved correction makes: no position, the time asked for, inside (the lead vouched for it). */
export async function insertCorrectionPunch(
  db: Database,
  v: { staffId: number; kind: "in" | "out"; at: Date; day: string; correctionId: number },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into attendance_punch (staff_id, request_id, kind, server_at, day, inside, correction_id)
    values (${v.staffId}, gen_random_uuid(), ${v.kind}, ${v.at.toISOString()}::timestamptz, ${v.day}::date, true, ${v.correctionId})
    returning id`.execute(db);
  return rows[0].id;
}

/** One person's requests, newest first. */
export async function findRequestsOfStaff(db: Database, staffId: number, limit = 50): Promise<AttendanceRequestRow[]> {
  const { rows } = await sql<AttendanceRequestRow>`
    select ${REQUEST_COLUMNS} from attendance_request q join staff s on s.id = q.staff_id
     where q.staff_id = ${staffId} order by q.requested_at desc, q.id desc limit ${limit}`.execute(db);
  return rows;
}

/** The requests of the people in the scope (pending only, or all), oldest pending first; never the caller's own. */
export async function findRequestsInScope(
  db: Database,
  scope: Scope,
  options: { pendingOnly: boolean; excludeUserId: number | null; limit?: number },
): Promise<AttendanceRequestRow[]> {
  const state = options.pendingOnly ? sql`and q.state = 'pending'` : sql``;
  const { rows } = await sql<AttendanceRequestRow>`
    select ${REQUEST_COLUMNS} from attendance_request q join staff s on s.id = q.staff_id
     where ${staffWithinScope(sql`q.staff_id`, scope)} ${state}
       and (s.user_id is null or s.user_id is distinct from ${options.excludeUserId}::bigint)
     order by (q.state = 'pending') desc, q.requested_at, q.id
     limit ${options.limit ?? 200}`.execute(db);
  return rows;
}

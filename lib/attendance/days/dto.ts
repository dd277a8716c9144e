import type { AttendanceDayRow } from "../../../db/queries/attendance-days";
import type { AttendanceRequestRow } from "../../../db/queries/attendance-request";

/** A computed day as pages show it (times as ISO strings). */
export type AttendanceDayDto = {
  day: string;
  status: string;
  firstIn: string | null;
  lastOut: string | null;
  lateMinutes: number;
  earlyMinutes: number;
  workedMinutes: number;
  outsidePunches: number;
  patrolsDone: number;
  patrolsRequired: number;
  overtimeMinutes: number;
};

export type AttendanceRequestDto = {
  id: number;
  staffId: number;
  staffName: string;
  staffNo: string;
  kind: "correction" | "leave";
  day: string;
  untilDay: string | null;
  punchKind: "in" | "out" | null;
  punchAt: string | null;
  leaveType: string | null;
  reason: string;
  state: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function toDayDto(r: AttendanceDayRow): AttendanceDayDto {
  return {
    day: r.day,
    status: r.status,
    firstIn: iso(r.firstIn),
    lastOut: iso(r.lastOut),
    lateMinutes: r.lateMinutes,
    earlyMinutes: r.earlyMinutes,
    workedMinutes: r.workedMinutes,
    outsidePunches: r.outsidePunches,
    patrolsDone: r.patrolsDone,
    patrolsRequired: r.patrolsRequired,
    overtimeMinutes: r.overtimeWorkdayMinutes + r.overtimeRestdayMinutes + r.overtimeHolidayMinutes,
  };
}

export function toRequestDto(r: AttendanceRequestRow): AttendanceRequestDto {
  return {
    id: r.id,
    staffId: r.staffId,
    staffName: r.staffName,
    staffNo: r.staffNo,
    kind: r.kind,
    day: r.day,
    untilDay: r.untilDay,
    punchKind: r.punchKind,
    punchAt: iso(r.punchAt),
    leaveType: r.leaveType,
    reason: r.reason,
    state: r.state,
    requestedAt: iso(r.requestedAt)!,
    decidedAt: iso(r.decidedAt),
    decisionNote: r.decisionNote,
  };
}

import type { AttendanceRuleListRow } from "../../../db/queries/attendance-rule";
import { formatClock } from "./shift-time";

/** An attendance rule as the rules page shows and edits it. */
export type AttendanceRuleDto = {
  id: number;
  name: string;
  departmentId: number | null;
  staffId: number | null;
  holderKind: "department" | "staff";
  holderName: string;
  start: string;
  end: string;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  minWorkMinutes: number;
  requiredPatrols: number;
  allowOutsideWithReason: boolean;
  maxAccuracyM: number;
  validFrom: string;
  validTo: string | null;
  version: number;
};

export function toAttendanceRuleDto(r: AttendanceRuleListRow): AttendanceRuleDto {
  return {
    id: r.id,
    name: r.name,
    departmentId: r.departmentId,
    staffId: r.staffId,
    holderKind: r.holderKind,
    holderName: r.holderName,
    start: formatClock(r.startMinute),
    end: formatClock(r.endMinute),
    lateGraceMinutes: r.lateGraceMinutes,
    earlyGraceMinutes: r.earlyGraceMinutes,
    minWorkMinutes: r.minWorkMinutes,
    requiredPatrols: r.requiredPatrols,
    allowOutsideWithReason: r.allowOutsideWithReason,
    maxAccuracyM: r.maxAccuracyM,
    validFrom: r.validFrom,
    validTo: r.validTo,
    version: r.version,
  };
}

import "server-only";
import type { Database } from "../../db/client";
import { findDepartmentById, findPositions, findRanks } from "../../db/queries/department";
import { ONE_FULL_TIME_CONSTRAINT } from "../../db/queries/grid-post";
import type { Scope } from "../auth/scope";
import { DomainError } from "../errors";
import { org } from "../i18n/zh-CN/org";
import { maskIdNumber, maskPhone } from "../pii/mask";
import { encryptPii, hashIdNumber } from "../pii/protect";

const e = org.errors;

/** An identity number as stored: cipher, lookup hash and masked copy (exactly as residents'). */
export function protectIdNumber(idNumber: string) {
  return { idNumberCipher: encryptPii(idNumber), idNumberHash: hashIdNumber(idNumber), idNumberMasked: maskIdNumber(idNumber) };
}

export function protectPhone(phone: string) {
  return { phoneCipher: encryptPii(phone), phoneMasked: maskPhone(phone) };
}

/**
 * The department, position and rank a record names: the department must be open on `day` and lie inside the
 * caller's area (VALIDATION naming the field otherwise, the same answer whether it exists elsewhere or not).
 */
export async function checkJobRefs(
  db: Database,
  scope: Scope,
  refs: { departmentId: number; positionId: number; rankId: number },
  day: string,
): Promise<void> {
  const department = await findDepartmentById(db, refs.departmentId, scope, day);
  if (!department || department.validFrom > day || (department.validTo !== null && department.validTo <= day)) {
    throw new DomainError("VALIDATION", e.departmentNotFound, { details: { departmentId: e.departmentNotFound } });
  }
  if (!(await findPositions(db)).some((p) => p.id === refs.positionId))
    throw new DomainError("VALIDATION", e.positionNotFound, { details: { positionId: e.positionNotFound } });
  if (!(await findRanks(db)).some((r) => r.id === refs.rankId))
    throw new DomainError("VALIDATION", e.rankNotFound, { details: { rankId: e.rankNotFound } });
}

/**
 * The database's refusals of a staff or grid-post write as the user's answer: a taken staff number, identity
 * number or account (unique), a second 专职网格员 on a grid or overlapping posts (exclusion) → 409 in Chinese.
 */
export function staffConstraintError(error: unknown): unknown {
  const pg = error as { code?: string; constraint_name?: string; constraint?: string } | null;
  const constraint = pg?.constraint_name ?? pg?.constraint ?? "";
  if (pg?.code === "23505") {
    if (constraint.includes("staff_no")) return conflict(e.staffNoTaken, "staffNo", error);
    if (constraint.includes("id_number_hash")) return conflict(e.idNumberTaken, "idNumber", error);
    if (constraint.includes("user_id")) return conflict(e.userTaken, "userId", error);
  }
  if (pg?.code === "23P01") {
    if (constraint === ONE_FULL_TIME_CONSTRAINT) return conflict(e.fullTimeTaken, "regionId", error);
    if (constraint.startsWith("grid_post")) return conflict(e.postOverlap, "regionId", error);
  }
  if (pg?.code === "23503" && constraint.includes("user_id"))
    return new DomainError("VALIDATION", e.userNotFound, { cause: error, details: { userId: e.userNotFound } });
  return error;
}

function conflict(message: string, field: string, cause: unknown) {
  return new DomainError("CONFLICT", message, { cause, details: { [field]: message } });
}

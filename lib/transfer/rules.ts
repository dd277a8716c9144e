import { addDays } from "../format/time";
import { t } from "../i18n";
import type { GridRole } from "../../db/queries/transfer";

/**
 * The pure rules of a transfer (调动), with worked examples in rules.test.ts.
 */

/** How far back an effective date may lie (a move recorded late), and how far ahead (planned moves). */
export const EFFECTIVE_PAST_LIMIT_DAYS = 30;
export const EFFECTIVE_FUTURE_LIMIT_DAYS = 366;

/** Null when the effective day is within the limits around today, else the message to show. */
export function effectiveDateProblem(day: string, today: string): string | null {
  if (day < addDays(today, -EFFECTIVE_PAST_LIMIT_DAYS)) return t.transfer.errors.effectiveTooEarly(EFFECTIVE_PAST_LIMIT_DAYS);
  if (day > addDays(today, EFFECTIVE_FUTURE_LIMIT_DAYS)) return t.transfer.errors.effectiveTooLate(EFFECTIVE_FUTURE_LIMIT_DAYS);
  return null;
}

export type Place = {
  departmentId: number;
  positionId: number;
  post: { regionId: number; gridRole: GridRole } | null;
};

/** A transfer to where the person already is (same department, position and post) changes nothing. */
export function isSamePlace(from: Place, to: Place): boolean {
  if (from.departmentId !== to.departmentId || from.positionId !== to.positionId) return false;
  if (from.post === null || to.post === null) return from.post === to.post;
  return from.post.regionId === to.post.regionId && from.post.gridRole === to.post.gridRole;
}

/**
 * The grid level a post's role sits on: a 网格员 (专职 or 兼职) walks a basic grid (level 4); a 网格长 heads a
 * 大片区, 社区 or 小区 grid (levels 1–3).
 */
export function gridRoleFitsLevel(gridRole: GridRole, level: number): boolean {
  return gridRole === "grid_head" ? level >= 1 && level <= 3 : level === 4;
}

export type TransferStateName = "pending" | "approved" | "rejected" | "applied" | "cancelled";

/** The state after one side decides: a no from either side rejects; two yeses approve; else still pending. */
export function stateAfterDecision(
  decision: "approved" | "rejected",
  otherSide: "approved" | "rejected" | null,
): TransferStateName {
  if (decision === "rejected") return "rejected";
  return otherSide === "approved" ? "approved" : "pending";
}

/** Whether an approved transfer takes effect now: its Beijing day has come. */
export function isDue(effectiveDate: string, today: string): boolean {
  return effectiveDate <= today;
}

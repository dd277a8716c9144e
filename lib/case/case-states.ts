/**
 * The states, levels and actions of the case loop (闭环), as plain data. The rules that connect them live in
 * case-transitions.ts; the Chinese labels in lib/i18n/zh-CN/case-loop.ts.
 *
 * The main line follows the 7 steps of DOMAIN.md "Cases": 信息采集 (reported) → 案卷建立 (filed) → 任务派遣
 * (dispatched, then 签收 acknowledged) → 任务处理 (handled) → 处理反馈 (reported_back) → 核查结案 (verifying,
 * closed) → 综合评价 (evaluated, after the 回访). Off the main line: cancelled (不予立案 / 作废), returned (退回 to
 * the dispatcher) and suspended (挂账: cannot be solved yet, kept in a register).
 */

export const CASE_STATES = [
  /** 已上报: collected, waiting for the accepting office of its level to file or cancel it. */
  "reported",
  /** 已立案: accepted as a case, waiting to be dispatched. */
  "filed",
  /** 已作废 (不予立案 / 撤回): terminal, never counted as an open case. */
  "cancelled",
  /** 已派遣: sent to a lead unit (and co-units), waiting for the lead unit to acknowledge or send it back. */
  "dispatched",
  /** 已签收 / 处置中: the lead unit took it on. A reopened case (返工) comes back here, to the same unit. */
  "acknowledged",
  /** 已退回: the lead unit sent it back (属地不符 / 职能不符 / 权属不清); the dispatcher decides again. */
  "returned",
  /** 已处置: the lead unit recorded the disposal on the spot; its report to the accepting office comes next. */
  "handled",
  /** 已反馈: the lead unit reported back; waiting for verification (核查). */
  "reported_back",
  /** 核查中: a verifier is checking on the spot (采办分离: never the reporter, never the handling unit). */
  "verifying",
  /** 已结案: verified and closed; waiting for the return visit (回访) and evaluation. */
  "closed",
  /**
   * 已评价: the return visit recorded the satisfaction. Final when the party was not dissatisfied; after 不满意 /
   * 非常不满意 the case may still draw 督办 and be reopened (返工) to its lead unit (case-transitions.ts).
   */
  "evaluated",
  /** 已挂账: cannot be solved yet (funds, policy, court …); kept in the register until resumed. */
  "suspended",
] as const;

export type CaseState = (typeof CASE_STATES)[number];

/**
 * States in which nothing more happens to the case in the normal course (no transition, no side action except
 * rating discovery). The one exception: an evaluated case whose return visit was dissatisfied may be
 * supervised and reopened.
 */
export const TERMINAL_STATES: readonly CaseState[] = ["cancelled", "evaluated"];

/**
 * Open states: the case still needs someone's work, so its clock runs, it shows a light, it can be escalated
 * and supervised. Closed cases wait only for the return visit, so they are not open.
 */
export const OPEN_STATES: readonly CaseState[] = [
  "reported",
  "filed",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "suspended",
];

/**
 * The escalation ladder 小问题不出网格、一般问题不出社区、突出问题不出镇街、老大难问题及时报区, lowest first.
 * A case is handled at the lowest level able to and rises one step at a time.
 */
export const CASE_LEVELS = ["grid", "community", "street", "district"] as const;

export type CaseLevel = (typeof CASE_LEVELS)[number];

/** Position on the ladder: grid 0 … district 3. */
export function levelRank(level: CaseLevel): number {
  return CASE_LEVELS.indexOf(level);
}

/** The next level up, or null at the district (there is nothing above the district command center). */
export function levelAbove(level: CaseLevel): CaseLevel | null {
  const rank = levelRank(level);
  return rank < CASE_LEVELS.length - 1 ? CASE_LEVELS[rank + 1] : null;
}

/**
 * Every action of the loop. Transitions move the main state; side actions leave the state as it is and only
 * write a timeline row (escalate also raises the level; rate_discovery stores the discovery stars).
 */
export const CASE_ACTIONS = [
  // Transitions of the main line.
  "file",
  "cancel",
  "withdraw",
  "dispatch",
  "acknowledge",
  "return",
  "handle",
  "report_back",
  "start_verification",
  "close",
  "reopen",
  "evaluate",
  "suspend",
  "resume",
  // Side actions: timeline events that keep the state.
  "escalate",
  "extension_request",
  "extension_approve",
  "extension_reject",
  "supervision_order",
  "co_report_back",
  "rate_discovery",
] as const;

export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Why a lead unit sends a dispatch back (退回理由), the closed list of the 12345 practice. */
export const RETURN_REASONS = ["territory_mismatch", "function_mismatch", "ownership_unclear"] as const;

export type ReturnReason = (typeof RETURN_REASONS)[number];

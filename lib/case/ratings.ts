import { DomainError } from "../errors";
import { caseLoop } from "../i18n/zh-CN/case-loop";

/**
 * The two star ratings of DOMAIN.md "Star ratings", both counted in assessment (考核).
 *
 * 事件发现 (discovery): 1–5, set by the receiving unit (受理单位) from what the report was worth.
 * 事件处置 (disposal): computed, never typed in, from how timely the case was closed and how satisfied the
 * party was at the return visit (回访). DOMAIN.md names five cells of the 3 × 6 grid; DISPOSAL_STAR_TABLE
 * below spells out all eighteen.
 */

export const STAR_VALUES = [1, 2, 3, 4, 5] as const;

export type Stars = (typeof STAR_VALUES)[number];

/**
 * Discovery stars (DOMAIN.md): 1 no value, 2 routine matter, 3 general social or departmental value,
 * 4 major value to a department, 5 major social value. Labels in caseLoop.discoveryStarLabels.
 */
export type DiscoveryStars = Stars;

export function isStars(value: unknown): value is Stars {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Checks a discovery rating from a form or a request; anything but an integer 1–5 is refused. */
export function parseDiscoveryStars(value: unknown): DiscoveryStars {
  if (!isStars(value)) throw new DomainError("VALIDATION", caseLoop.errors.discoveryStarsInvalid);
  return value;
}

/** The description shown beside a discovery rating. */
export function describeDiscoveryStars(stars: DiscoveryStars): string {
  return caseLoop.discoveryStarLabels[stars];
}

/**
 * The return visit's 5-level satisfaction scale (非常满意 / 满意 / 基本满意 / 不满意 / 非常不满意), plus 未表态
 * when the party gave no opinion (could not be reached, declined, anonymous report).
 * DOMAIN.md's "fairly satisfied" (比较满意, the second step of a 5-step scale) is our 满意 (satisfied);
 * 基本满意 is the middle step and is not counted as "fairly satisfied".
 */
export const SATISFACTION_LEVELS = [
  "very_satisfied",
  "satisfied",
  "fairly_satisfied",
  "dissatisfied",
  "very_dissatisfied",
  "no_opinion",
] as const;

export type Satisfaction = (typeof SATISFACTION_LEVELS)[number];

export function isSatisfaction(value: unknown): value is Satisfaction {
  return typeof value === "string" && (SATISFACTION_LEVELS as readonly string[]).includes(value);
}

/**
 * The answers after which the loop goes on (不满意 / 非常不满意): the case may be reopened (返工) and supervised
 * (督办). Any other evaluation is final.
 */
export const DISSATISFIED_LEVELS: readonly Satisfaction[] = ["dissatisfied", "very_dissatisfied"];

export function isDissatisfied(value: unknown): boolean {
  return (DISSATISFIED_LEVELS as readonly unknown[]).includes(value);
}

/**
 * The return visit's second question, "问题是否解决": 已解决 / 未解决, or 未表态 when the party gives no
 * opinion. 解决率 (lib/case/rates.ts) = resolved ÷ (resolved + unresolved); 未表态 is in neither.
 */
export const RESOLUTION_ANSWERS = ["resolved", "unresolved", "no_opinion"] as const;

export type ResolutionAnswer = (typeof RESOLUTION_ANSWERS)[number];

export function isResolutionAnswer(value: unknown): value is ResolutionAnswer {
  return typeof value === "string" && (RESOLUTION_ANSWERS as readonly string[]).includes(value);
}

/** How the closing time compares with the time limit. */
export const TIMELINESS = ["overdue", "on_time", "early"] as const;

export type Timeliness = (typeof TIMELINESS)[number];

/** The default share of the limit before which a case counts as closed early (提前办结). *configurable* */
export const DEFAULT_EARLY_SHARE = 0.5;

/**
 * Timeliness of a closed case, from the time it used and its limit, both in the same unit (the time-limit
 * module passes working minutes, or natural minutes for natural-time limits):
 * - overdue: used more than the limit (closing exactly at the deadline is still on time);
 * - early: used strictly less than `earlyShare` of the limit (default 50%);
 * - on time: everything in between, both ends included.
 */
export function timelinessOf(args: { used: number; limit: number; earlyShare?: number }): Timeliness {
  const { used, limit, earlyShare = DEFAULT_EARLY_SHARE } = args;
  const valid =
    Number.isFinite(used) &&
    used >= 0 &&
    Number.isFinite(limit) &&
    limit > 0 &&
    Number.isFinite(earlyShare) &&
    earlyShare > 0 &&
    earlyShare < 1;
  if (!valid) throw new DomainError("VALIDATION", caseLoop.errors.timelinessInvalid);
  if (used > limit) return "overdue";
  if (used < earlyShare * limit) return "early";
  return "on_time";
}

const TIMELINESS_RANK: Readonly<Record<Timeliness, number>> = { overdue: 0, on_time: 1, early: 2 };

/** The worse of two timeliness values (overdue < on time < early). */
export function worseTimeliness(a: Timeliness, b: Timeliness): Timeliness {
  return TIMELINESS_RANK[a] <= TIMELINESS_RANK[b] ? a : b;
}

/** Early counts as on time; on time and overdue stay. */
export function atBestOnTime(t: Timeliness): Timeliness {
  return t === "early" ? "on_time" : t;
}

/**
 * The disposal timeliness of a case once its lead unit reports back (处理反馈). The report back, not the
 * on-the-spot 处置, is what reaches the accepting office within the limit or not: a case handled on time but
 * reported back after the deadline is overdue. `measured` is timelinessOf(the time from the start of the
 * handling limit to the report back, the limit as it stands, extensions included).
 * - 延期: an approved extension can make a late case on time, never early (`extended`: measured against the
 *   extended limit, so capped at on time). Otherwise asking for more time would buy a better rating.
 * - 返工: a reopened case keeps its history (`previous`, what the earlier report backs gave, already capped at
 *   on time by the reopen): the worst report back counts, and the case can at best be on time. So a unit
 *   cannot turn an overdue case into an early one by having it reopened and answering fast on a fresh limit.
 */
export function disposalTimeliness(args: {
  measured: Timeliness;
  previous: Timeliness | null;
  reopened: boolean;
  extended: boolean;
}): Timeliness {
  const { measured, previous, reopened, extended } = args;
  const capped = reopened || extended ? atBestOnTime(measured) : measured;
  return previous === null ? capped : worseTimeliness(atBestOnTime(previous), capped);
}

/**
 * Disposal stars for every (timeliness × satisfaction). Cells marked DOMAIN are the five rules of DOMAIN.md:
 *   1 overdue and dissatisfied; 2 overdue, no opinion; 3 on time, no opinion;
 *   4 on time and fairly satisfied; 5 early and very satisfied.
 * The other cells fill the gaps with one conservative principle: a star is earned only by meeting every
 * condition of a DOMAIN rule, so each gap takes the highest DOMAIN rule it fully meets, never more.
 * - Lateness caps the rating: overdue is at most 2, whatever the party says (satisfaction cannot buy back time).
 * - 5 needs both early and very satisfied; early otherwise earns what on time earns.
 * - On time (or early) and very satisfied, but not both for 5: 4 (it meets "on time and fairly satisfied").
 * - 基本满意 is the middle of the scale, not "fairly satisfied": it counts like no opinion.
 * - Dissatisfied (不满意 or 非常不满意) but not overdue: 2, one below "on time, no opinion" and one above
 *   "overdue and dissatisfied"; only the overdue-and-dissatisfied case falls to 1.
 */
export const DISPOSAL_STAR_TABLE: Readonly<Record<Timeliness, Readonly<Record<Satisfaction, Stars>>>> = {
  overdue: {
    very_satisfied: 2, // gap: overdue caps at 2
    satisfied: 2, // gap: overdue caps at 2
    fairly_satisfied: 2, // gap: overdue caps at 2 (counts like no opinion)
    no_opinion: 2, // DOMAIN: overdue, no opinion
    dissatisfied: 1, // DOMAIN: overdue and dissatisfied
    very_dissatisfied: 1, // DOMAIN: overdue and dissatisfied
  },
  on_time: {
    very_satisfied: 4, // gap: meets "on time and fairly satisfied"; 5 needs early
    satisfied: 4, // DOMAIN: on time and fairly satisfied
    fairly_satisfied: 3, // gap: 基本满意 counts like no opinion
    no_opinion: 3, // DOMAIN: on time, no opinion
    dissatisfied: 2, // gap: dissatisfied but not overdue
    very_dissatisfied: 2, // gap: dissatisfied but not overdue
  },
  early: {
    very_satisfied: 5, // DOMAIN: early and very satisfied
    satisfied: 4, // gap: as on time and fairly satisfied
    fairly_satisfied: 3, // gap: as on time, no opinion
    no_opinion: 3, // gap: as on time, no opinion
    dissatisfied: 2, // gap: dissatisfied but not overdue
    very_dissatisfied: 2, // gap: dissatisfied but not overdue
  },
};

/** Disposal stars of a closed case (DOMAIN.md rule, gaps per DISPOSAL_STAR_TABLE). */
export function disposalStars(timeliness: Timeliness, satisfaction: Satisfaction): Stars {
  return DISPOSAL_STAR_TABLE[timeliness][satisfaction];
}

/** The description shown beside disposal stars. */
export function describeDisposalStars(stars: Stars): string {
  return caseLoop.disposalStarLabels[stars];
}

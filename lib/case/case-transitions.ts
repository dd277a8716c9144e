import { caseLoop } from "../i18n/zh-CN/case-loop";
import type { CaseAction, CaseLevel, CaseState, ReturnReason } from "./case-states";
import { CASE_ACTIONS, OPEN_STATES, RETURN_REASONS, levelAbove, levelRank } from "./case-states";
import type { ResolutionAnswer, Satisfaction } from "./ratings";
import { isDissatisfied, isResolutionAnswer, isSatisfaction, isStars } from "./ratings";

/**
 * The case loop as a state machine: one table of rules (TRANSITIONS) and one pure check (checkTransition)
 * that a verb calls inside its transaction, after loading the case row, before writing the new state and
 * the timeline row. No database and no clock here.
 *
 * Actor kinds — who someone is *for this case*. Three come from the case itself, four from grants the caller
 * resolves beforehand (the user's role assignments whose area contains the case's location, each turned
 * into a grant at the assignment's ladder level), one is the clock:
 * - reporter:   the account that reported the case (actor.userId === caseFacts.reporterUserId).
 * - operator:   受理员, holds an "operator" grant at the case's current level: files, cancels, evaluates.
 * - dispatcher: 派遣员, holds a "dispatcher" grant at the case's current level: dispatches, decides extensions.
 * - lead_unit:  acts for the lead unit (主办单位) the case is dispatched to: acknowledges, returns, handles.
 * - co_unit:    acts for a co-handling unit (协办单位): reports its part back.
 * - verifier:   核查员, holds a "verifier" grant at the case's current level: verifies, closes, reopens.
 * - supervisor: holds a "supervisor" grant above the case's level (or at the district, which supervises the
 *               departments for district cases): issues 督办.
 * - community:  holds an "operator" grant at the community level over the case's place, whatever the case's
 *               level: the community workstation receives what is found in it, so it may rate the discovery.
 * - system:     the clock worker (actor.userId === null): automatic escalation when a case turns red.
 * A grant counts only at the case's *current* level: after an escalation the level above takes over.
 *
 * 采办分离 (DOMAIN.md "Cases"), on both sides of the disposal:
 * - the reporter can never act for the handling units on the case (签收, 退回, 处置, 反馈, 延期申请, 协办反馈),
 *   even as a member of the lead unit, and never verify, close or reopen it (nor record its own return visit,
 *   nor rate its own discovery): whoever found a problem does not also dispose of it and judge the result;
 * - no unit that handled it (the lead unit, the unit recorded as having handled it, or a co-unit) can verify,
 *   close or reopen it.
 * 受审分离: the reporter cannot file (立案) its own report either: accepting a report as a case is the
 * office's judgement of it (a report counts in assessment once filed). The reporter may still withdraw it.
 * These refusals come before the role check, so a reporter who is also a verifier hears the real reason.
 *
 * Time: an extension (延期) must be asked for before the handling limit runs out (the 12345 practice: 延期须在
 * 办理时限届满前申请); after it, the unit can only finish late. A decision on a request made in time may come
 * after the deadline.
 *
 * The return visit: a satisfied (or neutral) evaluation is final. After 不满意 or 非常不满意 the loop goes on:
 * the verifier or operator may reopen (返工, back to the same lead unit) and the supervisor may issue 督办; the
 * timeliness keeps its history and the disposal stars are computed again at the next evaluation.
 *
 * Order of checks, and the code each failure gets:
 * 1. the case's version differs from the one the caller read → CONFLICT (someone else acted first; a double
 *    click or a retried request lands here too, so it is never applied twice; answering a retry with the
 *    first result instead, through an idempotency key, is the verb's job);
 * 2. the action is not allowed from the current state → CONFLICT (the case moved on: HTTP 409, not 400);
 *    likewise an extension decision with no pending request, or a second request while one is pending;
 *    likewise a reopen or 督办 after an evaluation that was not dissatisfied (it is final);
 * 3. 采办分离 / 受审分离 → FORBIDDEN; 4. the actor holds none of the rule's kinds → FORBIDDEN;
 * 5. an extension request after the handling limit ran out → CONFLICT (the case's time moved on);
 * 6. escalation from the district (there is no level above) → VALIDATION;
 * 7. the input (notes, return reason, units, satisfaction, stars) → VALIDATION.
 */

export type ActorKind =
  "reporter" | "operator" | "dispatcher" | "lead_unit" | "co_unit" | "verifier" | "supervisor" | "community" | "system";

export type GrantKind = "operator" | "dispatcher" | "verifier" | "supervisor";

/** One command-center role of the user over the case's area, at a ladder level. */
export type CaseGrant = { kind: GrantKind; level: CaseLevel };

/** What the rules need to know about the case (read from its row in the same transaction). */
export type CaseFacts = {
  state: CaseState;
  level: CaseLevel;
  /** null when the reporter has no account (12345 caller, resident, Open311). */
  reporterUserId: number | null;
  leadUnitId: number | null;
  coUnitIds: readonly number[];
  /** The unit that recorded the disposal (处置); set by `handle`. */
  handledByUnitId: number | null;
  /** Whether an extension request waits for a decision. */
  extensionPending: boolean;
  /** Whether the handling limit (extensions included) has run out at the instant of the check. */
  handleDeadlinePassed: boolean;
  /** The last return visit's answer (null before any): after 不满意 / 非常不满意 an evaluated case goes on. */
  satisfaction: Satisfaction | null;
  version: number;
};

/** Who acts: resolved by the caller from the session and the case's location. */
export type CaseActorFacts = {
  /** null for the system (the clock worker). */
  userId: number | null;
  /** Units (departments, offices) the user acts for. */
  unitIds: readonly number[];
  grants: readonly CaseGrant[];
};

/** The input of an action; which fields matter depends on the action (see TRANSITIONS). */
export type TransitionInput = {
  /** The case version the caller saw (optimistic concurrency). */
  expectedVersion: number;
  note?: string | null;
  returnReason?: ReturnReason | null;
  leadUnitId?: number | null;
  coUnitIds?: readonly number[] | null;
  satisfaction?: Satisfaction | null;
  /** With evaluate: the return visit's "问题是否解决" (解决率). */
  resolution?: ResolutionAnswer | null;
  discoveryStars?: number | null;
};

export type TransitionResult =
  { ok: true; to: CaseState; level: CaseLevel } | { ok: false; code: "FORBIDDEN" | "CONFLICT" | "VALIDATION"; message: string };

/** What an action needs beyond a note. */
type Requirement = "none" | "return_reason" | "lead_unit" | "satisfaction" | "discovery_stars" | "level_above";

export type TransitionRule = {
  action: CaseAction;
  from: readonly CaseState[];
  /** The new state; null for a side action, which keeps the state and only writes a timeline row. */
  to: CaseState | null;
  actors: readonly ActorKind[];
  note: "required" | "optional";
  requires: Requirement;
  /** 采办分离: refuse the reporter. */
  excludesReporter: boolean;
  /** 采办分离: refuse the lead unit, the handling unit and the co-units. */
  excludesHandlingUnits: boolean;
  /** Extension bookkeeping: "none" = no pending request allowed, "pending" = one must be pending. */
  extension?: "none" | "pending";
  /** Only while the handling limit has not run out (延期 is asked for in time). */
  beforeHandleDeadline?: boolean;
  /** From `evaluated` only when the return visit was dissatisfied (otherwise the evaluation is final). */
  afterDissatisfiedOnly?: boolean;
};

/** Longest note kept on a timeline row. */
export const NOTE_MAX_LENGTH = 1000;

const ALL_BUT_REPORTED: readonly CaseState[] = [
  "filed",
  "cancelled",
  "dispatched",
  "acknowledged",
  "returned",
  "handled",
  "reported_back",
  "verifying",
  "closed",
  "evaluated",
  "suspended",
];

const rule = (
  r: Omit<TransitionRule, "excludesReporter" | "excludesHandlingUnits" | "requires"> & Partial<TransitionRule>,
): TransitionRule => ({
  requires: "none",
  excludesReporter: false,
  excludesHandlingUnits: false,
  ...r,
});

/**
 * The loop, one row per action. Reviewed choices (DOMAIN.md leaves them open):
 * - cancel is possible until the case is dispatched, and again when it comes back returned (a report that
 *   turns out to be a duplicate or not ours); a reason is always required. The reporter may withdraw (撤回)
 *   only before filing.
 * - a lead unit may send a dispatch back only before acknowledging it (签收 accepts responsibility).
 * - handle (处置) and report back (反馈) are two steps: the disposal is recorded on the spot, the report to
 *   the accepting office carries the result (so its note is required).
 * - verification (核查) is a state of its own, so a verifier is on record before the close.
 * - reopen (返工) goes back to the same lead unit in `acknowledged`: it already accepted the case, so it does
 *   not sign again; it is possible after the report back, during verification, and after the close when the
 *   return visit finds the problem still there.
 * - suspend (挂账) takes a case that cannot be solved yet out of the daily flow, before its disposal;
 *   resume puts it back to `filed` for a fresh dispatch, because circumstances have changed.
 * - escalate (上报上级) raises the level one step in any open state and keeps the state; the new level's
 *   office acts from there. It always carries a reason (the clock passes its own).
 * - supervision orders (督办) and escalation apply to open cases only, and 督办 also to a case whose return
 *   visit was dissatisfied; notes on 督办, 挂账, extension decisions to reject and co-unit reports are required
 *   because the note is their whole content.
 * - reopen (返工) after a dissatisfied evaluation goes back to the same lead unit, acknowledged, like any reopen.
 * - discovery stars (发现评星) are given by the receiving side: the office of the case's level, the community
 *   the case was found in, or the lead unit it was sent to; never by the reporter.
 */
export const TRANSITIONS: Readonly<Record<CaseAction, TransitionRule>> = {
  // 受审分离: the reporter does not accept its own report.
  file: rule({ action: "file", from: ["reported"], to: "filed", actors: ["operator"], note: "optional", excludesReporter: true }),
  cancel: rule({
    action: "cancel",
    from: ["reported", "filed", "returned"],
    to: "cancelled",
    actors: ["operator"],
    note: "required",
  }),
  withdraw: rule({ action: "withdraw", from: ["reported"], to: "cancelled", actors: ["reporter"], note: "optional" }),
  dispatch: rule({
    action: "dispatch",
    from: ["filed", "returned"],
    to: "dispatched",
    actors: ["dispatcher"],
    note: "optional",
    requires: "lead_unit",
  }),
  // The handling side: 采办分离 refuses the reporter even as a member of the lead unit.
  acknowledge: rule({
    action: "acknowledge",
    from: ["dispatched"],
    to: "acknowledged",
    actors: ["lead_unit"],
    note: "optional",
    excludesReporter: true,
  }),
  return: rule({
    action: "return",
    from: ["dispatched"],
    to: "returned",
    actors: ["lead_unit"],
    note: "optional",
    requires: "return_reason",
    excludesReporter: true,
  }),
  // The verb records facts.leadUnitId as the case's handledByUnitId, which 采办分离 checks later.
  handle: rule({
    action: "handle",
    from: ["acknowledged"],
    to: "handled",
    actors: ["lead_unit"],
    note: "optional",
    excludesReporter: true,
  }),
  // The report back fixes the disposal's timeliness (transition-effects.ts).
  report_back: rule({
    action: "report_back",
    from: ["handled"],
    to: "reported_back",
    actors: ["lead_unit"],
    note: "required",
    excludesReporter: true,
  }),
  start_verification: rule({
    action: "start_verification",
    from: ["reported_back"],
    to: "verifying",
    actors: ["verifier", "operator"],
    note: "optional",
    excludesReporter: true,
    excludesHandlingUnits: true,
  }),
  close: rule({
    action: "close",
    from: ["verifying"],
    to: "closed",
    actors: ["verifier", "operator"],
    note: "optional",
    excludesReporter: true,
    excludesHandlingUnits: true,
  }),
  reopen: rule({
    action: "reopen",
    from: ["reported_back", "verifying", "closed", "evaluated"],
    afterDissatisfiedOnly: true,
    to: "acknowledged",
    actors: ["verifier", "operator"],
    note: "required",
    excludesReporter: true,
    excludesHandlingUnits: true,
  }),
  evaluate: rule({
    action: "evaluate",
    from: ["closed"],
    to: "evaluated",
    actors: ["operator"],
    note: "optional",
    requires: "satisfaction",
    excludesReporter: true,
  }),
  suspend: rule({
    action: "suspend",
    from: ["filed", "dispatched", "acknowledged", "returned"],
    to: "suspended",
    actors: ["operator", "dispatcher"],
    note: "required",
  }),
  resume: rule({ action: "resume", from: ["suspended"], to: "filed", actors: ["operator", "dispatcher"], note: "optional" }),
  escalate: rule({
    action: "escalate",
    from: OPEN_STATES,
    to: null,
    actors: ["operator", "dispatcher", "system"],
    note: "required",
    requires: "level_above",
  }),
  extension_request: rule({
    action: "extension_request",
    from: ["acknowledged"],
    to: null,
    actors: ["lead_unit"],
    note: "required",
    extension: "none",
    beforeHandleDeadline: true,
    excludesReporter: true,
  }),
  extension_approve: rule({
    action: "extension_approve",
    from: ["acknowledged", "handled"],
    to: null,
    actors: ["dispatcher", "operator"],
    note: "optional",
    extension: "pending",
  }),
  extension_reject: rule({
    action: "extension_reject",
    from: ["acknowledged", "handled"],
    to: null,
    actors: ["dispatcher", "operator"],
    note: "required",
    extension: "pending",
  }),
  supervision_order: rule({
    action: "supervision_order",
    from: [...OPEN_STATES, "evaluated"],
    afterDissatisfiedOnly: true,
    to: null,
    actors: ["supervisor"],
    note: "required",
  }),
  co_report_back: rule({
    action: "co_report_back",
    from: ["acknowledged", "handled"],
    to: null,
    actors: ["co_unit"],
    note: "required",
    excludesReporter: true,
  }),
  rate_discovery: rule({
    action: "rate_discovery",
    from: ALL_BUT_REPORTED,
    to: null,
    actors: ["operator", "community", "lead_unit"],
    note: "optional",
    requires: "discovery_stars",
    excludesReporter: true,
  }),
};

/** The kinds the actor holds for this case (see the list at the top of this file). */
export function actorKindsFor(facts: CaseFacts, actor: CaseActorFacts): ActorKind[] {
  const kinds: ActorKind[] = [];
  if (actor.userId === null) return ["system"];
  if (facts.reporterUserId !== null && actor.userId === facts.reporterUserId) kinds.push("reporter");
  if (holdsAtLevel(actor, "operator", facts.level)) kinds.push("operator");
  if (holdsAtLevel(actor, "dispatcher", facts.level)) kinds.push("dispatcher");
  if (facts.leadUnitId !== null && actor.unitIds.includes(facts.leadUnitId)) kinds.push("lead_unit");
  if (facts.coUnitIds.some((id) => actor.unitIds.includes(id))) kinds.push("co_unit");
  if (holdsAtLevel(actor, "verifier", facts.level)) kinds.push("verifier");
  const supervises = actor.grants.some(
    (g) => g.kind === "supervisor" && (levelRank(g.level) > levelRank(facts.level) || g.level === "district"),
  );
  if (supervises) kinds.push("supervisor");
  if (holdsAtLevel(actor, "operator", "community")) kinds.push("community");
  return kinds;
}

/** Whether the actor holds a grant of this kind at the case's level. */
function holdsAtLevel(actor: CaseActorFacts, kind: GrantKind, level: CaseLevel): boolean {
  return actor.grants.some((g) => g.kind === kind && g.level === level);
}

/** Whether the actor acts for any unit that handled the case (lead, recorded handler, co-units). */
function actsForHandlingUnit(facts: CaseFacts, actor: CaseActorFacts): boolean {
  const handling = [facts.leadUnitId, facts.handledByUnitId, ...facts.coUnitIds].filter((id): id is number => id !== null);
  return handling.some((id) => actor.unitIds.includes(id));
}

const refuse = (code: "FORBIDDEN" | "CONFLICT" | "VALIDATION", message: string): TransitionResult => ({
  ok: false,
  code,
  message,
});

function isCaseAction(value: unknown): value is CaseAction {
  return typeof value === "string" && (CASE_ACTIONS as readonly string[]).includes(value);
}

const isUnitId = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value > 0;

function checkInput(rule: TransitionRule, input: TransitionInput): TransitionResult | null {
  const actionLabel = caseLoop.actionLabels[rule.action];
  const note = typeof input.note === "string" ? input.note.trim() : "";
  if (rule.note === "required" && note === "") return refuse("VALIDATION", caseLoop.errors.noteRequired(actionLabel));
  if (note.length > NOTE_MAX_LENGTH) return refuse("VALIDATION", caseLoop.errors.noteTooLong(NOTE_MAX_LENGTH));
  switch (rule.requires) {
    case "return_reason":
      if (!(RETURN_REASONS as readonly unknown[]).includes(input.returnReason))
        return refuse("VALIDATION", caseLoop.errors.returnReasonRequired);
      break;
    case "lead_unit": {
      if (!isUnitId(input.leadUnitId)) return refuse("VALIDATION", caseLoop.errors.leadUnitRequired);
      const co = input.coUnitIds ?? [];
      const distinct = new Set(co).size === co.length;
      if (!co.every(isUnitId) || !distinct || co.includes(input.leadUnitId))
        return refuse("VALIDATION", caseLoop.errors.coUnitsInvalid);
      break;
    }
    case "satisfaction":
      if (!isSatisfaction(input.satisfaction)) return refuse("VALIDATION", caseLoop.errors.satisfactionRequired);
      if (!isResolutionAnswer(input.resolution)) return refuse("VALIDATION", caseLoop.errors.resolutionRequired);
      break;
    case "discovery_stars":
      if (!isStars(input.discoveryStars)) return refuse("VALIDATION", caseLoop.errors.discoveryStarsInvalid);
      break;
    case "level_above":
    case "none":
      break;
  }
  return null;
}

/**
 * Whether `actor` may do `action` on the case now, with this input: the new state and level, or the reason
 * it may not (Chinese, safe to show). Pure; the caller writes the state, the level, the timeline row and the
 * version + 1 in one transaction, guarded by `WHERE version = expectedVersion`.
 */
export function checkTransition(args: {
  caseFacts: CaseFacts;
  actor: CaseActorFacts;
  action: CaseAction;
  input: TransitionInput;
}): TransitionResult {
  return check(args, true);
}

function check(
  args: { caseFacts: CaseFacts; actor: CaseActorFacts; action: CaseAction; input: TransitionInput },
  withInput: boolean,
): TransitionResult {
  const { caseFacts: facts, actor, action, input } = args;
  if (!isCaseAction(action)) return refuse("VALIDATION", caseLoop.errors.unknownAction);
  const r = TRANSITIONS[action];
  const actionLabel = caseLoop.actionLabels[action];

  if (input.expectedVersion !== facts.version) return refuse("CONFLICT", caseLoop.errors.versionConflict);
  if (!r.from.includes(facts.state))
    return refuse("CONFLICT", caseLoop.errors.wrongState(caseLoop.stateLabels[facts.state], actionLabel));
  if (facts.state === "evaluated" && r.afterDissatisfiedOnly && !isDissatisfied(facts.satisfaction))
    return refuse("CONFLICT", caseLoop.errors.evaluationFinal(actionLabel));
  if (r.extension === "none" && facts.extensionPending) return refuse("CONFLICT", caseLoop.errors.extensionPending);
  if (r.extension === "pending" && !facts.extensionPending) return refuse("CONFLICT", caseLoop.errors.noPendingExtension);

  const kinds = actorKindsFor(facts, actor);
  if (r.excludesReporter && kinds.includes("reporter"))
    return refuse(
      "FORBIDDEN",
      action === "file" ? caseLoop.errors.reporterFiling(actionLabel) : caseLoop.errors.reporterSeparation(actionLabel),
    );
  if (r.excludesHandlingUnits && actsForHandlingUnit(facts, actor))
    return refuse("FORBIDDEN", caseLoop.errors.unitSeparation(actionLabel));
  if (!r.actors.some((k) => kinds.includes(k))) {
    const who = r.actors.map((k) => caseLoop.actorKindLabels[k]).join("或");
    return refuse("FORBIDDEN", caseLoop.errors.forbidden(actionLabel, who));
  }
  if (r.beforeHandleDeadline && facts.handleDeadlinePassed) return refuse("CONFLICT", caseLoop.errors.extensionTooLate);

  // The ladder ends at the district (老大难问题及时报区): nothing to escalate to.
  const above = levelAbove(facts.level);
  if (r.requires === "level_above" && above === null) return refuse("VALIDATION", caseLoop.errors.alreadyDistrict);

  if (withInput) {
    const invalid = checkInput(r, input);
    if (invalid) return invalid;
  }

  const level = r.requires === "level_above" && above !== null ? above : facts.level;
  return { ok: true, to: r.to ?? facts.state, level };
}

/**
 * The actions the actor could take now, input aside (for the buttons of the case page). Every action listed
 * can still be refused by its input (a missing note, a bad unit) or by a concurrent change.
 */
export function availableActions(facts: CaseFacts, actor: CaseActorFacts): CaseAction[] {
  return CASE_ACTIONS.filter(
    (action) => check({ caseFacts: facts, actor, action, input: { expectedVersion: facts.version } }, false).ok,
  );
}

/** An action the actor would have now but for the clock, with the reason (Chinese, safe to show). */
export type BlockedAction = { action: CaseAction; reason: string };

/**
 * The actions the actor holds in this state but may not take because time ran out (today: an extension
 * request once the handling limit has passed), so the case page can show the button disabled with the reason
 * instead of hiding it without a word.
 */
export function blockedActions(facts: CaseFacts, actor: CaseActorFacts): BlockedAction[] {
  if (!facts.handleDeadlinePassed) return [];
  const inTime: CaseFacts = { ...facts, handleDeadlinePassed: false };
  const blocked: BlockedAction[] = [];
  for (const action of CASE_ACTIONS) {
    const input = { expectedVersion: facts.version };
    if (!check({ caseFacts: inTime, actor, action, input }, false).ok) continue;
    const now = check({ caseFacts: facts, actor, action, input }, false);
    if (!now.ok) blocked.push({ action, reason: now.message });
  }
  return blocked;
}

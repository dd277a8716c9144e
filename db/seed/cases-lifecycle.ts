/**
 * The life of one generated case, from its report to the return visit, simulated step by step on the
 * real rules: the stage clocks come from lib/case/stage-clock.ts (limits on the working calendar), each
 * step happens after a drawn share of its stage's limit (most well inside it, some late), and whatever the
 * clock worker would have done on the way happens too — reminders, red warnings, automatic escalation one
 * level up once per deadline (escalation_rule), supervision orders on overdue cases. The simulation stops
 * at `now`: the case keeps the state, level, stage clock and light it has at that instant, so a clock pass
 * at `now` right after the load finds nothing to do.
 *
 * Pure: the caller passes the rules, the units and the names; nothing here reads the database or the clock.
 */
import type { CaseSource } from "../../lib/case/case-dto";
import { levelAbove, type CaseLevel, type CaseState } from "../../lib/case/case-states";
import { RETURN_REASONS, type ReturnReason } from "../../lib/case/case-states";
import { disposalStars, timelinessOf, type Satisfaction, type Stars, type Timeliness } from "../../lib/case/ratings";
import { extendStageClock, lightAt, startStageClock, type StageClock } from "../../lib/case/stage-clock";
import type { CaseStage, CaseUrgency } from "../../lib/case/time-limits";
import type { Light } from "../../lib/case/traffic-light";
import {
  addWorkingMinutes,
  clockOf,
  minutesBetween,
  type TimeLimit,
  type WorkingCalendar,
} from "../../lib/case/working-calendar";
import { cases } from "../../lib/i18n/zh-CN/case";
import { caseClock } from "../../lib/i18n/zh-CN/case-clock";
import { caseLoop } from "../../lib/i18n/zh-CN/case-loop";
import { MAJOR_RISK_ALERT_LEVELS } from "../../lib/case/risk";
import { CANCEL_NOTES, SUSPEND_NOTES } from "./cases-catalog";
import { weightedPicker, type Rng } from "./random";

export type NoticeKind = "red_warning" | "escalated" | "reminder" | "supervision" | "assigned" | "major_risk";

export type EscalationRules = ReadonlyMap<CaseLevel, { autoOnRed: boolean; notifyLevel: CaseLevel }>;

/** The rules and the instant the simulation stops at (shared by every case). */
export type LifecycleRules = {
  cal: WorkingCalendar;
  yellowShare: number;
  earlyShare: number;
  escalation: EscalationRules;
  now: Date;
};

export type Actor = { name: string; unitId: number | null };

/** One case to simulate: what was reported, and who is around it. */
export type LifecycleInput = {
  reportedAt: Date;
  level: CaseLevel;
  urgency: CaseUrgency;
  source: CaseSource;
  /** The stage limit for the case's category and urgency at a level. */
  limitOf: (stage: CaseStage, level: CaseLevel) => TimeLimit;
  /** The routing rule of the category (lead and co-units; auto = dispatched by the system on filing). */
  routing: { leadUnitId: number; coUnitIds: readonly number[]; auto: boolean } | null;
  /** The unit a level's dispatcher sends a case to when no rule applies (or after a send-back). */
  localUnitOf: (level: CaseLevel) => number;
  /** Who files, dispatches and verifies at a level (受理员, 派遣员, 核查员 of the level's office). */
  officeStaff: (level: CaseLevel, role: "operator" | "dispatcher" | "verifier" | "supervisor") => Actor;
  /** A handler of a unit. */
  unitStaff: (unitId: number) => Actor;
  /** Who wrote the report. */
  reporter: Actor;
  /** 回访 staff (the 12345 return-visit team or the level's office). */
  visitor: Actor;
  /** A unit's name (timeline details name the units, as the verbs write them). */
  unitName: (unitId: number) => string;
  /** The handling unit's report back, in words. */
  doneNote: string;
  /** A major risk alerts the street and district at once (only recorded while the case is open). */
  majorRisk: boolean;
};

export type SimEvent = {
  at: number;
  actor: Actor;
  action: string;
  fromState: CaseState | null;
  toState: CaseState | null;
  fromLevel: CaseLevel | null;
  toLevel: CaseLevel | null;
  note: string | null;
  details: Record<string, unknown> | null;
};

/** A notice; `stage`, `deadline` and `caseLevel` (the case's level when it was raised) feed its message. */
export type SimNotice = {
  at: number;
  kind: NoticeKind;
  level: CaseLevel;
  unitId: number | null;
  stage: CaseStage | null;
  deadline: number | null;
  caseLevel: CaseLevel;
};

export type CaseOutcome = {
  state: CaseState;
  level: CaseLevel;
  version: number;
  leadUnitId: number | null;
  coUnitIds: number[];
  handledByUnitId: number | null;
  extensionCount: number;
  stage: CaseStage | null;
  stageStartedAt: number | null;
  yellowAt: number | null;
  deadlineAt: number | null;
  light: Light | null;
  lightChangedAt: number | null;
  handleStartedAt: number | null;
  handleDeadlineAt: number | null;
  escalatedForDeadline: number | null;
  remindedForDeadline: number | null;
  filedAt: number | null;
  dispatchedAt: number | null;
  handledAt: number | null;
  closedAt: number | null;
  evaluatedAt: number | null;
  updatedAt: number;
  discoveryStars: Stars | null;
  disposalStars: Stars | null;
  satisfaction: Satisfaction | null;
  timeliness: Timeliness | null;
  reopenCount: number;
  supervisionCount: number;
  events: SimEvent[];
  notices: SimNotice[];
};

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** The clock job runs once a minute, a few seconds into it. */
const PASS_OFFSET = 5_000;

/** The first clock pass at or after `t` (passes compare now >= yellow_at). */
export function passAtOrAfter(t: number): number {
  return Math.ceil((t - PASS_OFFSET) / MINUTE) * MINUTE + PASS_OFFSET;
}

/** The first clock pass strictly after `t` (red needs now > deadline_at). */
export function passAfter(t: number): number {
  return Math.floor((t - PASS_OFFSET) / MINUTE) * MINUTE + MINUTE + PASS_OFFSET;
}

/**
 * The instant a share `u` (may exceed 1) of a stage's limit is used, on the limit's own clock. `total` is the
 * limit in working minutes when the caller already knows it (a stage takes several steps; the calendar walk
 * is the generator's main cost).
 */
export function instantAtShare(clock: StageClock, u: number, cal: WorkingCalendar, total?: number): number {
  const start = clock.startedAt.getTime();
  if (clockOf(clock.limit.unit) === "natural") return Math.round(start + u * (clock.deadlineAt.getTime() - start));
  const minutes = total ?? minutesBetween(clock.startedAt, clock.deadlineAt, "working", cal);
  return addWorkingMinutes(clock.startedAt, Math.max(0, u * minutes), cal).getTime();
}

/** A share of the limit: mostly well inside it (mean ≈ `mean`), `late` of the time past it. */
export function drawShare(rng: Rng, mean: number, late: number): number {
  if (rng.chance(late)) return 1 + Math.min(4, -Math.log(1 - rng.next()) * 0.35) + 0.001;
  // A power law on (0, 0.97): exponent k gives mean 0.03 + 0.94 / (k + 1).
  const k = Math.max(0.1, 0.94 / Math.max(0.01, mean - 0.03) - 1);
  return 0.03 + 0.94 * Math.pow(rng.next(), k);
}

const LATE_HANDLE: Readonly<Record<CaseUrgency, number>> = { emergency: 0.08, urgent: 0.06, general: 0.055, complex: 0.1 };

const pickSatisfactionOnTime = weightedPicker<Satisfaction>([
  ["very_satisfied", 50],
  ["satisfied", 24],
  ["fairly_satisfied", 10],
  ["dissatisfied", 3],
  ["very_dissatisfied", 1],
  ["no_opinion", 12],
]);
const pickSatisfactionLate = weightedPicker<Satisfaction>([
  ["very_satisfied", 12],
  ["satisfied", 20],
  ["fairly_satisfied", 22],
  ["dissatisfied", 18],
  ["very_dissatisfied", 7],
  ["no_opinion", 21],
]);
const pickDiscovery = weightedPicker<Stars>([
  [1, 5],
  [2, 46],
  [3, 34],
  [4, 12],
  [5, 3],
]);
const pickDiscoveryOther = weightedPicker<Stars>([
  [1, 8],
  [2, 60],
  [3, 26],
  [4, 5],
  [5, 1],
]);

/** Simulates one case up to `rules.now`. */
export function simulateCase(rules: LifecycleRules, input: LifecycleInput, rng: Rng): CaseOutcome {
  return new CaseSimulation(rules, input, rng).run();
}

class CaseSimulation {
  private readonly now: number;
  private state: CaseState = "reported";
  private level: CaseLevel;
  private clock: StageClock | null = null;
  private out: CaseOutcome;

  constructor(
    private readonly rules: LifecycleRules,
    private readonly input: LifecycleInput,
    private readonly rng: Rng,
  ) {
    this.now = rules.now.getTime();
    this.level = input.level;
    this.out = {
      state: "reported",
      level: input.level,
      version: 0,
      leadUnitId: null,
      coUnitIds: [],
      handledByUnitId: null,
      extensionCount: 0,
      stage: null,
      stageStartedAt: null,
      yellowAt: null,
      deadlineAt: null,
      light: null,
      lightChangedAt: null,
      handleStartedAt: null,
      handleDeadlineAt: null,
      escalatedForDeadline: null,
      remindedForDeadline: null,
      filedAt: null,
      dispatchedAt: null,
      handledAt: null,
      closedAt: null,
      evaluatedAt: null,
      updatedAt: input.reportedAt.getTime(),
      discoveryStars: null,
      disposalStars: null,
      satisfaction: null,
      timeliness: null,
      reopenCount: 0,
      supervisionCount: 0,
      events: [],
      notices: [],
    };
  }

  run(): CaseOutcome {
    const t0 = this.input.reportedAt.getTime();
    this.emit(t0, this.input.reporter, "report", "reported", null, { source: this.input.source, channel: "generator" });
    this.startStage("accept", t0);
    this.flow();
    return this.finish();
  }

  /** The main line; returns when the case is finished or `now` is reached. */
  private flow(): void {
    const { rng, input } = this;
    // 受理: file or refuse.
    const cancel = rng.chance(input.source === "hotline" ? 0.025 : 0.04);
    const t = this.at(drawShare(rng, 0.3, 0.025));
    if (!this.reach(t)) return;
    const operator = input.officeStaff(this.level, "operator");
    if (cancel) {
      this.emit(t, operator, "cancel", "cancelled", rng.pick(CANCEL_NOTES));
      this.stopClock();
      return;
    }
    this.out.filedAt = t;
    this.emit(t, operator, "file", "filed", null);
    this.dispatchLoop(t, "first");
  }

  /**
   * 派遣 → 签收/退回 → 处置 …, as transition-case.ts routes it: on filing, a rule with auto-dispatch sends the
   * case at once (系统（派遣规则）); no rule at all sends it one level up, whose dispatcher sends it to its own
   * unit; a rule without auto-dispatch is followed by the dispatcher of the level.
   */
  private dispatchLoop(from: number, round: "first" | "after_return" | "after_resume", sentBackBy: number | null = null): void {
    const { rng, input } = this;
    this.startStage("dispatch", from);
    // 发现评星: the receiving office rates most reports as it files them (before the routing runs).
    if (round === "first" && rng.chance(0.7)) {
      const tRate = from + 500 + Math.floor(rng.next() * 1_000);
      if (!this.reach(tRate)) return;
      const stars = input.source === "grid_worker" ? pickDiscovery(rng) : pickDiscoveryOther(rng);
      this.out.discoveryStars = stars;
      this.emit(tRate, input.officeStaff(this.level, "operator"), "rate_discovery", null, null, { discoveryStars: stars });
    }
    let t: number;
    let lead: number;
    let co: readonly number[] = [];
    if (input.routing?.auto && round === "first") {
      t = from + 2_000 + Math.floor(rng.next() * 20_000);
      if (!this.reach(t)) return;
      lead = input.routing.leadUnitId;
      co = input.routing.coUnitIds;
      this.dispatchTo(
        t,
        { name: caseLoop.system.routingActor, unitId: null },
        "auto_dispatch",
        lead,
        co,
        caseLoop.system.autoDispatchNote(input.unitName(lead)),
      );
    } else {
      const above = levelAbove(this.level);
      if (round === "first" && !input.routing && above) {
        const tUp = from + 2_000 + Math.floor(rng.next() * 5_000);
        if (!this.reach(tUp)) return;
        const fromLevel = this.level;
        this.level = above;
        this.emitRaw(
          tUp,
          { name: caseLoop.system.routingActor, unitId: null },
          "escalate",
          this.state,
          this.state,
          fromLevel,
          above,
          caseLoop.system.noRuleEscalateNote,
          { fromLevel },
        );
      }
      t = this.at(drawShare(rng, 0.3, 0.02));
      if (!this.reach(t)) return;
      // First round: the rule's units, else the level's own unit. After a send-back: the other of the two
      // (the same unit again when there is no other). After 挂账: the unit that had it before.
      const local = input.localUnitOf(this.level);
      if (round === "first") lead = input.routing?.leadUnitId ?? local;
      else if (round === "after_return") lead = sentBackBy === local ? (input.routing?.leadUnitId ?? local) : local;
      else lead = this.out.leadUnitId ?? local;
      co = input.routing && round === "first" ? input.routing.coUnitIds : [];
      this.dispatchTo(t, input.officeStaff(this.level, "dispatcher"), "dispatch", lead, co, "请按时限处置并及时反馈。");
    }

    // 签收 or 退回 a little after the dispatch (an unacknowledged case keeps its "assigned" notices, see finish).
    const sendBack = round === "first" && rng.chance(0.035);
    t = this.at(0.005 + rng.next() * 0.06);
    if (!this.reach(t)) return;
    const handler = input.unitStaff(lead);
    if (sendBack) {
      const reason: ReturnReason = rng.pick(RETURN_REASONS);
      this.out.leadUnitId = null;
      this.out.coUnitIds = [];
      this.emit(t, handler, "return", "returned", `${caseLoop.returnReasonLabels[reason]}，请重新派遣。`, {
        returnReason: reason,
      });
      this.dispatchLoop(t, "after_return", lead);
      return;
    }
    this.emit(t, handler, "acknowledge", "acknowledged", null);
    this.handleLoop(lead);
  }

  private dispatchTo(
    t: number,
    actor: Actor,
    action: "dispatch" | "auto_dispatch",
    lead: number,
    co: readonly number[],
    note: string,
  ): void {
    this.out.leadUnitId = lead;
    this.out.coUnitIds = [...co];
    this.out.handledByUnitId = null;
    this.out.dispatchedAt = t;
    this.startStage("handle", t);
    this.emit(t, actor, action, "dispatched", note, {
      leadUnit: this.input.unitName(lead),
      coUnits: co.map((id) => this.input.unitName(id)),
    });
  }

  /** From 已签收: optional extension or 挂账, then 处置, 反馈, 核查, 结案, 回访 (返工 loops back here). */
  private handleLoop(lead: number): void {
    const { rng, input } = this;
    const handler = input.unitStaff(lead);
    let uDone = drawShare(rng, 0.45, LATE_HANDLE[input.urgency]);
    // 老大难: a few cases drag on for months.
    if (rng.chance(0.003)) uDone = 2 + rng.next() * 8;

    if (input.urgency === "complex" && rng.chance(0.15) && this.out.extensionCount === 0) {
      const tRequest = this.at(0.5 + rng.next() * 0.3);
      if (!this.reach(tRequest)) return;
      this.emit(tRequest, handler, "extension_request", null, "处置需协调多个部门，申请延期。");
      const tApprove = tRequest + HOUR + Math.floor(rng.next() * 6 * HOUR);
      if (!this.reach(tApprove)) return;
      const approve = rng.chance(0.85);
      const decision = approve ? "extension_approve" : "extension_reject";
      if (approve && this.clock) {
        const extended = extendStageClock(this.clock, this.clock.limit, this.rules.cal, this.rules.yellowShare);
        this.clock = { ...this.clock, deadlineAt: extended.deadlineAt, yellowAt: extended.yellowAt };
        this.clockTotal = null;
        this.out.handleDeadlineAt = extended.deadlineAt.getTime();
        this.out.extensionCount++;
        uDone = Math.min(uDone, 0.9);
        this.emit(tApprove, input.officeStaff(this.level, "dispatcher"), decision, null, "同意延期。", {
          newDeadline: extended.deadlineAt.toISOString(),
        });
      } else {
        this.emit(
          tApprove,
          input.officeStaff(this.level, "dispatcher"),
          decision,
          null,
          "理由不充分，不予延期，请按原时限办结。",
        );
      }
    }

    if (rng.chance(0.007) && this.out.reopenCount === 0) {
      const tSuspend = this.at(0.2 + rng.next() * 0.5);
      if (!this.reach(tSuspend)) return;
      this.emit(tSuspend, input.officeStaff(this.level, "operator"), "suspend", "suspended", rng.pick(SUSPEND_NOTES));
      this.stopClock();
      if (!rng.chance(0.35)) return;
      const tResume = tSuspend + 20 * DAY + Math.floor(rng.next() * 70 * DAY);
      if (!this.reach(tResume)) return;
      this.emit(tResume, input.officeStaff(this.level, "operator"), "resume", "filed", "条件已具备，解除挂账，重新派遣。");
      this.dispatchLoop(tResume, "after_resume");
      return;
    }

    // 处置 on the spot, then the report back (反馈) a little later; timeliness is fixed at the disposal.
    const handleStart = this.out.handleStartedAt!;
    // Both on the limit's own clock, so a working-time unit works in working hours.
    const tHandle = this.at(uDone * rng.range(0.8, 0.98));
    const tReportBack = Math.max(this.at(uDone), tHandle + 5 * MINUTE);
    if (!this.reach(tHandle)) return;
    const unit = this.clock!.limit.unit;
    // The running clock is the handling stage's: its total is already known after the steps above.
    const limitMinutes =
      this.clockTotal ??
      minutesBetween(new Date(handleStart), new Date(this.out.handleDeadlineAt!), clockOf(unit), this.rules.cal);
    const usedMinutes = Math.max(0, minutesBetween(new Date(handleStart), new Date(tHandle), clockOf(unit), this.rules.cal));
    this.out.timeliness =
      limitMinutes > 0 ? timelinessOf({ used: usedMinutes, limit: limitMinutes, earlyShare: this.rules.earlyShare }) : null;
    this.out.handledAt = tHandle;
    this.out.handledByUnitId = lead;
    this.emit(tHandle, handler, "handle", "handled", null);
    if (!this.reach(tReportBack)) return;
    this.emit(tReportBack, handler, "report_back", "reported_back", input.doneNote);

    // 核查
    this.startStage("verify", tReportBack);
    const uStart = 0.03 + rng.next() * 0.3;
    const tVerify = this.at(uStart);
    if (!this.reach(tVerify)) return;
    const verifier = input.officeStaff(this.level, "verifier");
    this.emit(tVerify, verifier, "start_verification", "verifying", null);
    const late = rng.chance(0.02);
    const tClose = this.at(late ? 1.05 + rng.next() * 0.5 : uStart + 0.05 + rng.next() * 0.5);
    if (!this.reach(tClose)) return;
    if (rng.chance(0.03) && this.out.reopenCount < 2) {
      this.reopen(tClose, verifier, "核查发现问题未彻底解决，退回重新处置。");
      this.handleLoop(lead);
      return;
    }
    this.out.closedAt = tClose;
    this.emit(tClose, verifier, "close", "closed", "经现场核查，问题已解决，同意结案。");
    this.stopClock();

    // 回访 1–4 days later, in the daytime; a few parties are never reached and the case stays closed.
    if (rng.chance(0.06)) return;
    const tVisit = localDaytime(tClose + DAY + Math.floor(rng.next() * 3 * DAY), rng);
    if (!this.reach(tVisit)) return;
    const timeliness = this.out.timeliness ?? "on_time";
    const satisfaction = timeliness === "overdue" ? pickSatisfactionLate(rng) : pickSatisfactionOnTime(rng);
    if (
      (satisfaction === "dissatisfied" || satisfaction === "very_dissatisfied") &&
      rng.chance(0.25) &&
      this.out.reopenCount < 2
    ) {
      this.reopen(
        tVisit,
        input.officeStaff(this.level, "verifier"),
        `回访${caseLoop.satisfactionLabels[satisfaction]}，问题仍存在，返工处理。`,
      );
      this.handleLoop(lead);
      return;
    }
    this.out.satisfaction = satisfaction;
    this.out.disposalStars = disposalStars(timeliness, satisfaction);
    this.out.evaluatedAt = tVisit;
    this.emit(tVisit, input.visitor, "evaluate", "evaluated", `回访：${caseLoop.satisfactionLabels[satisfaction]}。`, {
      satisfaction,
      disposalStars: this.out.disposalStars,
      timeliness,
    });
  }

  /** 返工: back to the same unit in 已签收, on a fresh handling limit (transition-effects.ts "reopen"). */
  private reopen(t: number, actor: Actor, note: string): void {
    this.out.reopenCount++;
    this.out.closedAt = null;
    this.out.handledAt = null;
    this.out.timeliness = null;
    this.out.disposalStars = null;
    this.startStage("handle", t);
    this.emit(t, actor, "reopen", "acknowledged", note);
  }

  /** The instant a share of the running stage's limit is used (never before the previous step: steps keep their order). */
  private at(u: number): number {
    const clock = this.clock!;
    if (this.clockTotal === null && clockOf(clock.limit.unit) === "working")
      this.clockTotal = minutesBetween(clock.startedAt, clock.deadlineAt, "working", this.rules.cal);
    return Math.max(instantAtShare(clock, u, this.rules.cal, this.clockTotal ?? undefined), this.lastAt + MINUTE);
  }

  /** The running stage's limit in working minutes, once computed (null: not yet, or a natural clock). */
  private clockTotal: number | null = null;

  private lastAt = 0;

  private startStage(stage: CaseStage, at: number): void {
    const limit = this.input.limitOf(stage, this.level);
    this.clock = startStageClock({ stage, limit, start: new Date(at), cal: this.rules.cal, yellowShare: this.rules.yellowShare });
    this.clockTotal = null;
    if (stage === "handle") {
      this.out.handleStartedAt = at;
      this.out.handleDeadlineAt = this.clock.deadlineAt.getTime();
    }
  }

  private stopClock(): void {
    this.clock = null;
  }

  /**
   * Moves time to `t`: the clock's effects on the running stage before `t` happen (or, when `t` lies after
   * `now`, those due at `now`). Returns false when `t` is after `now` (the case stops where it is).
   */
  private reach(t: number): boolean {
    const final = t > this.now;
    if (this.clock) this.clockEffects(final ? this.now : t, final);
    return !final;
  }

  /** What the clock worker did to the running stage up to `until` (see workers/jobs/run-case-clock.ts). */
  private clockEffects(until: number, final: boolean): void {
    const clock = this.clock!;
    const yellow = clock.yellowAt.getTime();
    const deadline = clock.deadlineAt.getTime();
    // A past stage: a pass must have run before the step that ended it. The current stage: what a pass at
    // `now` finds due (yellow from yellow_at on, red strictly after the deadline), dated by the pass.
    const remindPass = passAtOrAfter(yellow);
    const redPass = passAfter(deadline);
    const remind = final ? yellow <= until : remindPass < until;
    const red = final ? deadline < until : redPass < until;
    if ((remind || red) && this.out.remindedForDeadline !== deadline) {
      this.out.remindedForDeadline = deadline;
      if (final) this.notice(Math.min(remindPass, until), "reminder", this.level, this.out.leadUnitId, clock);
    }
    if (red && this.out.escalatedForDeadline !== deadline) {
      this.out.escalatedForDeadline = deadline;
      const at = Math.min(redPass, until);
      const rule = this.rules.escalation.get(this.level);
      if (final) this.notice(at, "red_warning", rule?.notifyLevel ?? this.level, null, clock);
      const above = levelAbove(this.level);
      if (rule?.autoOnRed && above) {
        const from = this.level;
        this.level = above;
        const note = caseClock.autoEscalateNote(
          cases.stages[clock.stage],
          formatLocalMinute(deadline),
          caseLoop.levelLabels[from],
          caseLoop.levelLabels[above],
        );
        this.emitRaw(
          at,
          { name: caseLoop.system.clockActor, unitId: null },
          "auto_escalate",
          this.state,
          this.state,
          from,
          above,
          note,
          { deadlineAt: new Date(deadline).toISOString() },
        );
        if (final) this.notice(at, "escalated", above, null, clock);
      }
      // 督办: an overdue handling stage often draws a supervision order from the level above.
      if (clock.stage === "handle" && this.rng.chance(0.35)) {
        const tOrder = redPass + HOUR + Math.floor(this.rng.next() * 2 * DAY);
        if (tOrder < until) {
          this.out.supervisionCount++;
          this.emitRaw(
            tOrder,
            this.input.officeStaff(levelAbove(this.level) ?? this.level, "supervisor"),
            "supervision_order",
            this.state,
            this.state,
            this.level,
            this.level,
            "该案件已超期，请加快办理并及时反馈。",
            null,
          );
          if (final) this.notice(tOrder, "supervision", this.level, this.out.leadUnitId, clock);
        }
      }
    }
  }

  /** Notices are only recorded for the running stage at `now` (see finish): those are on someone's screen. */
  private notice(at: number, kind: NoticeKind, level: CaseLevel, unitId: number | null, clock: StageClock): void {
    this.out.notices.push({
      at,
      kind,
      level,
      unitId,
      stage: clock.stage,
      deadline: clock.deadlineAt.getTime(),
      caseLevel: this.level,
    });
  }

  /** A step of the loop; `to` null = a side action (the state stays, as it does on the clock's rows). */
  private emit(
    at: number,
    actor: Actor,
    action: string,
    to: CaseState | null,
    note: string | null,
    details: Record<string, unknown> | null = null,
  ): void {
    this.emitRaw(at, actor, action, this.state, to ?? this.state, this.level, this.level, note, details);
  }

  private emitRaw(
    at: number,
    actor: Actor,
    action: string,
    from: CaseState,
    to: CaseState,
    fromLevel: CaseLevel,
    toLevel: CaseLevel,
    note: string | null,
    details: Record<string, unknown> | null,
  ): void {
    const first = this.out.events.length === 0;
    this.out.events.push({
      at,
      actor,
      action,
      fromState: first ? null : from,
      toState: to,
      fromLevel: first ? null : fromLevel,
      toLevel,
      note,
      details,
    });
    this.state = to;
    this.lastAt = Math.max(this.lastAt, at);
    this.out.version++;
    this.out.updatedAt = Math.max(this.out.updatedAt, at);
  }

  private finish(): CaseOutcome {
    const out = this.out;
    out.state = this.state;
    out.level = this.level;
    const open = this.clock !== null && !["closed", "evaluated", "cancelled", "suspended"].includes(this.state);
    if (open) {
      const clock = this.clock!;
      out.stage = clock.stage;
      out.stageStartedAt = clock.startedAt.getTime();
      out.yellowAt = clock.yellowAt.getTime();
      out.deadlineAt = clock.deadlineAt.getTime();
      out.light = lightAt(clock, this.rules.now);
      out.lightChangedAt =
        out.light === "red"
          ? Math.min(passAfter(out.deadlineAt), this.now)
          : out.light === "yellow"
            ? Math.min(passAtOrAfter(out.yellowAt), this.now)
            : out.stageStartedAt;
      const base = { stage: null, deadline: null, caseLevel: this.level };
      if (this.input.majorRisk) {
        for (const level of MAJOR_RISK_ALERT_LEVELS)
          out.notices.push({ ...base, at: this.input.reportedAt.getTime(), kind: "major_risk", level, unitId: null });
      }
      // A dispatch not yet acknowledged: the "assigned" notices to its lead and co-units are still unread work.
      if (this.state === "dispatched") {
        for (const unitId of [out.leadUnitId!, ...out.coUnitIds])
          out.notices.push({ ...base, at: out.dispatchedAt!, kind: "assigned", level: this.level, unitId });
      }
    } else {
      // Nothing timed (finished, cancelled, 挂账): its notices no longer matter on anyone's screen.
      out.notices = [];
    }
    out.notices.sort((a, b) => a.at - b.at);
    return out;
  }
}

/** "YYYY-MM-DD HH:mm" in China Standard Time, as the clock's SQL writes it (to_char … at time zone 'Asia/Shanghai'). */
export function formatLocalMinute(t: number): string {
  return new Date(t + 8 * HOUR).toISOString().slice(0, 16).replace("T", " ");
}

/** Moves an instant to 09:00–18:00 local (UTC+8) on the same local day, keeping some spread. */
function localDaytime(t: number, rng: Rng): number {
  const offset = 8 * HOUR;
  const midnight = Math.floor((t + offset) / DAY) * DAY - offset;
  return midnight + 9 * HOUR + Math.floor(rng.next() * 9 * HOUR);
}

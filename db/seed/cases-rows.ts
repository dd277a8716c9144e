/**
 * Generated cases as COPY text lines (case_record, case_event, case_notice), in the column orders below.
 * Pure formatting: nulls as \N, text escaped, instants as ISO 8601 in UTC, arrays as {1,2}.
 */
import { COPY_NULL, copyText } from "./copy";
import type { Actor, CaseOutcome, SimEvent, SimNotice } from "./cases-lifecycle";

/** A timeline row as it is written (the simulation keeps more of each step in memory). */
export type TimelineLine = Omit<SimEvent, "actor" | "input"> & { actor: Actor };

export const CASE_RECORD_COLUMNS = [
  "id",
  "number",
  "district_code",
  "source",
  "channel",
  "kind",
  "category_id",
  "description",
  "address",
  "geom",
  "grid_id",
  "region_path",
  "reporter_name",
  "reporter_phone_cipher",
  "reporter_phone_masked",
  "external_system",
  "external_id",
  "urgency",
  "level",
  "state",
  "version",
  "lead_unit_id",
  "co_unit_ids",
  "handled_by_unit_id",
  "extension_count",
  "stage",
  "stage_started_at",
  "yellow_at",
  "deadline_at",
  "light",
  "light_changed_at",
  "handle_started_at",
  "handle_deadline_at",
  "escalated_for_deadline",
  "reminded_for_deadline",
  "reported_at",
  "filed_at",
  "dispatched_at",
  "handled_at",
  "closed_at",
  "evaluated_at",
  "updated_at",
  "discovery_stars",
  "disposal_stars",
  "satisfaction",
  "timeliness",
  "risk_l",
  "risk_e",
  "risk_c",
  "risk_value",
  "risk_grade",
  "reopen_count",
  "supervision_count",
  "resolution",
  "acknowledge_deadline_at",
  "acknowledged_at",
  "emergency_plan",
  "heat_binned",
] as const;

export const CASE_EVENT_COLUMNS = [
  "case_id",
  "at",
  "actor_name",
  "actor_unit_id",
  "action",
  "from_state",
  "to_state",
  "from_level",
  "to_level",
  "note",
  "details",
] as const;

export const CASE_NOTICE_COLUMNS = [
  "case_id",
  "kind",
  "level",
  "region_path",
  "unit_id",
  "message",
  "created_at",
  "read_at",
] as const;

/** What the generator knows about a case beyond its simulated life. */
export type CaseFacts = {
  id: number;
  number: string;
  districtCode: string;
  source: string;
  kind: string;
  categoryId: number;
  description: string;
  address: string | null;
  /** EWKT point. */
  geom: string;
  gridId: number;
  regionPath: string;
  reporterName: string | null;
  /** COPY bytea text (already escaped) or null. */
  reporterPhoneCipher: string | null;
  reporterPhoneMasked: string | null;
  externalSystem: string | null;
  externalId: string | null;
  urgency: string;
  reportedAt: number;
  risk: { l: number; e: number; c: number; value: number; grade: string } | null;
  /** The 应急预案 of a 重大 risk. */
  emergencyPlan: string | null;
};

const text = (v: string | null | undefined) => (v == null ? COPY_NULL : copyText(v));
const num = (v: number | null | undefined) => (v == null ? COPY_NULL : String(v));
const iso = (v: number | null | undefined) => (v == null ? COPY_NULL : new Date(v).toISOString());

export function caseRecordLine(f: CaseFacts, o: CaseOutcome): string {
  const fields = [
    String(f.id),
    f.number,
    f.districtCode,
    f.source,
    "generator",
    f.kind,
    String(f.categoryId),
    copyText(f.description),
    text(f.address),
    f.geom,
    String(f.gridId),
    f.regionPath,
    text(f.reporterName),
    f.reporterPhoneCipher ?? COPY_NULL,
    text(f.reporterPhoneMasked),
    text(f.externalSystem),
    text(f.externalId),
    f.urgency,
    o.level,
    o.state,
    String(o.version),
    num(o.leadUnitId),
    `{${o.coUnitIds.join(",")}}`,
    num(o.handledByUnitId),
    String(o.extensionCount),
    text(o.stage),
    iso(o.stageStartedAt),
    iso(o.yellowAt),
    iso(o.deadlineAt),
    text(o.light),
    iso(o.lightChangedAt),
    iso(o.handleStartedAt),
    iso(o.handleDeadlineAt),
    iso(o.escalatedForDeadline),
    iso(o.remindedForDeadline),
    iso(f.reportedAt),
    iso(o.filedAt),
    iso(o.dispatchedAt),
    iso(o.handledAt),
    iso(o.closedAt),
    iso(o.evaluatedAt),
    iso(o.updatedAt),
    num(o.discoveryStars),
    num(o.disposalStars),
    text(o.satisfaction),
    text(o.timeliness),
    num(f.risk?.l),
    num(f.risk?.e),
    num(f.risk?.c),
    num(f.risk?.value),
    text(f.risk?.grade),
    String(o.reopenCount),
    String(o.supervisionCount),
    text(o.resolution),
    iso(o.acknowledgeDeadlineAt),
    iso(o.acknowledgedAt),
    text(f.emergencyPlan),
    "t",
  ];
  return fields.join("\t") + "\n";
}

export function caseEventLine(caseId: number, e: TimelineLine): string {
  return (
    [
      String(caseId),
      iso(e.at),
      copyText(e.actor.name),
      num(e.actor.unitId),
      e.action,
      text(e.fromState),
      text(e.toState),
      text(e.fromLevel),
      text(e.toLevel),
      text(e.note),
      e.details ? copyText(JSON.stringify(e.details)) : COPY_NULL,
    ].join("\t") + "\n"
  );
}

export function caseNoticeLine(caseId: number, regionPath: string, n: SimNotice, message: string, readAt: number | null): string {
  return (
    [String(caseId), n.kind, n.level, regionPath, num(n.unitId), copyText(message), iso(n.at), iso(readAt)].join("\t") + "\n"
  );
}

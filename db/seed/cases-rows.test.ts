import { describe, expect, it } from "vitest";
import type { CaseOutcome } from "./cases-lifecycle";
import {
  CASE_EVENT_COLUMNS,
  CASE_NOTICE_COLUMNS,
  CASE_RECORD_COLUMNS,
  caseEventLine,
  caseNoticeLine,
  caseRecordLine,
  type CaseFacts,
} from "./cases-rows";

const facts: CaseFacts = {
  id: 42,
  number: "SJ202611230000042",
  districtCode: "110112",
  source: "hotline",
  kind: "service",
  categoryId: 7,
  description: "市民来电反映：A\tB\n第二行",
  address: null,
  geom: "SRID=4326;POINT(116.7 39.8)",
  gridId: 9,
  regionPath: "110112.1",
  reporterName: "王先生",
  reporterPhoneCipher: "\\\\xdead",
  reporterPhoneMasked: "138****0000",
  externalSystem: "12345",
  externalId: "12345-202611230000042",
  urgency: "general",
  reportedAt: Date.UTC(2026, 10, 23, 1),
  risk: null,
  emergencyPlan: null,
};
const outcome = {
  state: "acknowledged",
  level: "street",
  version: 4,
  leadUnitId: 3,
  coUnitIds: [4, 5],
  handledByUnitId: null,
  extensionCount: 0,
  stage: "handle",
  stageStartedAt: Date.UTC(2026, 10, 23, 2),
  yellowAt: Date.UTC(2026, 10, 30, 2),
  deadlineAt: Date.UTC(2026, 11, 1, 9),
  light: "green",
  lightChangedAt: Date.UTC(2026, 10, 23, 2),
  handleStartedAt: Date.UTC(2026, 10, 23, 2),
  handleDeadlineAt: Date.UTC(2026, 11, 1, 9),
  escalatedForDeadline: null,
  remindedForDeadline: null,
  filedAt: null,
  dispatchedAt: null,
  handledAt: null,
  closedAt: null,
  evaluatedAt: null,
  updatedAt: Date.UTC(2026, 10, 23, 3),
  discoveryStars: 3,
  disposalStars: null,
  satisfaction: null,
  resolution: null,
  acknowledgeDeadlineAt: Date.UTC(2026, 10, 23, 4),
  acknowledgedAt: Date.UTC(2026, 10, 23, 3),
  timeliness: null,
  reopenCount: 0,
  supervisionCount: 0,
  events: [],
  notices: [],
} satisfies CaseOutcome;

describe("COPY lines", () => {
  it("a case line has one field per column, escapes text, writes nulls and arrays", () => {
    const line = caseRecordLine(facts, outcome);
    expect(line.endsWith("\n")).toBe(true);
    const fields = line.slice(0, -1).split("\t");
    expect(fields).toHaveLength(CASE_RECORD_COLUMNS.length);
    const field = (name: (typeof CASE_RECORD_COLUMNS)[number]) => fields[CASE_RECORD_COLUMNS.indexOf(name)];
    expect(field("description")).toBe("市民来电反映：A\\tB\\n第二行");
    expect(field("address")).toBe("\\N");
    expect(field("co_unit_ids")).toBe("{4,5}");
    expect(field("deadline_at")).toBe("2026-12-01T09:00:00.000Z");
    expect(field("channel")).toBe("generator");
    expect(field("heat_binned")).toBe("t");
    expect(field("acknowledge_deadline_at")).toBe("2026-11-23T04:00:00.000Z");
    expect(field("acknowledged_at")).toBe("2026-11-23T03:00:00.000Z");
    expect(field("resolution")).toBe("\\N");
    expect(field("emergency_plan")).toBe("\\N");
  });

  it("an event line carries the details as JSON and the actor's unit", () => {
    const line = caseEventLine(42, {
      at: Date.UTC(2026, 10, 23, 1),
      actor: { name: "系统（派遣规则）", unitId: null },
      action: "auto_dispatch",
      fromState: "filed",
      toState: "dispatched",
      fromLevel: "street",
      toLevel: "street",
      note: null,
      details: { leadUnit: "区城管委", coUnits: [] },
    });
    const fields = line.slice(0, -1).split("\t");
    expect(fields).toHaveLength(CASE_EVENT_COLUMNS.length);
    expect(fields[3]).toBe("\\N");
    expect(fields[9]).toBe("\\N");
    expect(JSON.parse(fields[10])).toEqual({ leadUnit: "区城管委", coUnits: [] });
  });

  it("a notice line has its message, region path and read time", () => {
    const line = caseNoticeLine(
      42,
      "110112.1",
      {
        at: Date.UTC(2026, 10, 23, 1),
        kind: "assigned",
        level: "street",
        unitId: 3,
        stage: null,
        deadline: null,
        caseLevel: "street",
      },
      "新派遣案件",
      null,
    );
    expect(line.slice(0, -1).split("\t")).toEqual([
      "42",
      "assigned",
      "street",
      "110112.1",
      "3",
      "新派遣案件",
      "2026-11-23T01:00:00.000Z",
      "\\N",
    ]);
    expect(CASE_NOTICE_COLUMNS).toHaveLength(8);
  });
});

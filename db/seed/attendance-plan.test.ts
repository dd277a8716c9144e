import { describe, expect, it } from "vitest";
import { localMinuteAt, planPersonDay, planTrack, uuidFrom, type AttendancePerson } from "./attendance-plan";
import { rngFor } from "./random";

const person: AttendancePerson = {
  staffId: 7,
  staffNo: "11011200007",
  hireDate: "2026-11-02",
  leaveDate: "2026-11-20",
  startMinute: 510,
  endMinute: 1050,
  lateGraceMinutes: 5,
  earlyGraceMinutes: 5,
  requiredPatrols: 2,
  fence: { shape: "circle", lon: 116.65, lat: 39.9, radiusM: 100 },
  patrols: true,
};
const days = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2026, 9, 25 + i)).toISOString().slice(0, 10));

describe("planPersonDay", () => {
  it("plans nothing before the hire date, from the leave date on, or for someone no fence serves", () => {
    expect(planPersonDay(1, person, "2026-11-01", true).punches).toEqual([]);
    expect(planPersonDay(1, person, "2026-11-20", true).punches).toEqual([]);
    expect(planPersonDay(1, { ...person, fence: null }, "2026-11-10", true).punches).toEqual([]);
  });

  it("punches in before out on the day itself, with patrols between them, mostly on time", () => {
    let onTime = 0;
    let worked = 0;
    for (const day of days.filter((d) => d >= "2026-11-02" && d < "2026-11-20")) {
      for (let n = 0; n < 20; n++) {
        const pd = planPersonDay(n, person, day, true);
        const [first, second] = pd.punches;
        if (pd.punches.length === 2) {
          worked++;
          expect(first.kind).toBe("in");
          expect(second.kind).toBe("out");
          expect(first.deviceAt ?? first.serverAt).toBeLessThan(second.serverAt);
          if (first.serverAt <= localMinuteAt(day, person.startMinute + person.lateGraceMinutes)) onTime++;
          for (const p of pd.patrols) {
            expect(p.startAt).toBeGreaterThan(first.deviceAt ?? first.serverAt);
            expect(p.startAt + p.minutes * 60_000).toBeLessThan(second.serverAt);
          }
        }
        expect(pd.punches.every((p) => p.serverAt >= localMinuteAt(day, 0) && p.serverAt < localMinuteAt(day, 1440))).toBe(true);
      }
    }
    expect(onTime / worked).toBeGreaterThan(0.9);
  });

  it("is the same for the same seed, person and day", () => {
    expect(planPersonDay(3, person, "2026-11-10", true)).toEqual(planPersonDay(3, person, "2026-11-10", true));
  });
});

describe("planTrack", () => {
  it("records a fix every step for the patrol's length, near the waypoints' path", () => {
    const pool: [number, number][] = [
      [116.65, 39.9],
      [116.652, 39.9],
      [116.652, 39.902],
      [116.65, 39.902],
    ];
    const fixes = planTrack(rngFor(1, "t"), pool, 1_000_000, 40, 30);
    expect(fixes).toHaveLength(81);
    expect(fixes[1].at - fixes[0].at).toBe(30_000);
    for (const f of fixes) {
      expect(f.lon).toBeGreaterThan(116.6499);
      expect(f.lon).toBeLessThan(116.6521);
      expect(f.lat).toBeGreaterThan(39.8999);
      expect(f.lat).toBeLessThan(39.9021);
    }
  });
});

it("makes version-4 UUIDs", () => {
  expect(uuidFrom(rngFor(1, "u"))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

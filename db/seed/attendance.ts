/**
 * Loads the demo attendance of the days before the seed's `now` (issue 11): the fences (a circle at every
 * community workstation, a polygon at every street office and at the command centre) serving their
 * departments, a rule set per kind of office, the punches, patrols and a few pending 补卡 requests the
 * behaviour of attendance-plan.ts gives, and each person's computed days.
 *
 * The generator invents behaviour only; every verdict comes from lib/attendance, as a punch from the phone
 * gets it: the fence through db/queries/attendance-point's inspection (circles drawn on the ellipsoid), the
 * nearest serving fence measured by PostGIS (nearestServingFences, one statement for thousands), the timing
 * (offline, clock skew) and inside/outside/refused by lib/attendance/punch's rules, the rule in force by
 * resolveAttendanceRule, and the days by lib/attendance/days' computeAttendanceDays over the stored punches.
 */
import type { Connection } from "../client";
import { inspectFence, insertAttendancePoint, replaceAttendancePointMembers } from "../queries/attendance-point";
import { insertPunches, nearestServingFences, type NewPunch } from "../queries/attendance-punch";
import { insertAttendanceRequest } from "../queries/attendance-request";
import { insertAttendanceRule } from "../queries/attendance-rule";
import { computeAttendanceDays } from "../../lib/attendance/days/compute-days";
import { decideFenceVerdict, FAR_OUTSIDE_DISTRICT_M } from "../../lib/attendance/punch/fence-verdict";
import { decidePunchTiming } from "../../lib/attendance/punch/punch-timing";
import { resolveAttendanceRule } from "../../lib/attendance/rules/resolve-attendance-rule";
import { loadCaseConfig } from "../../lib/case/case-config";
import { isWorkingDay } from "../../lib/case/working-calendar";
import { addDays, beijingDay } from "../../lib/format/time";
import { seedPatrols } from "./attendance-patrols";
import { planPersonDay, uuidFrom, type AttendancePerson, type FencePlace, type PersonDay } from "./attendance-plan";
import { rngFor } from "./random";

export type AttendanceSeedReport = {
  days: number;
  points: number;
  rules: number;
  punches: number;
  refused: number;
  patrols: number;
  patrolPoints: number;
  requests: number;
  dayRows: number;
  ms: number;
  /** Time per step, for the seed's report. */
  phases: { name: string; ms: number }[];
};

/** The rule set of each kind of office (一日双巡 for the community workstations). */
const RULES = {
  command: { name: "区机关考勤", startMinute: 9 * 60, endMinute: 17 * 60 + 30, requiredPatrols: 0 },
  street: { name: "街道办考勤", startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30, requiredPatrols: 0 },
  station: { name: "社区工作站考勤（一日双巡）", startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30, requiredPatrols: 2 },
  // 网格长 lead their area rather than walk a grid: a rule of their own (a person's rule wins over the station's).
  head: { name: "网格长考勤", startMinute: 8 * 60 + 30, endMinute: 17 * 60 + 30, requiredPatrols: 0 },
} as const;

type Dept = { id: number; code: string; kind: string; level: number; parent_id: number | null; region_id: number };

const BATCH = 5_000;

export async function seedAttendance(
  conn: Connection,
  options: { seed: number; now: Date; days?: number },
): Promise<AttendanceSeedReport> {
  const started = performance.now();
  const phases: { name: string; ms: number }[] = [];
  let mark = started;
  const phase = (name: string) => {
    const t = performance.now();
    phases.push({ name, ms: Math.round(t - mark) });
    mark = t;
  };
  const { db, sql } = conn;
  const today = beijingDay(options.now);
  const dayCount = options.days ?? 30;
  const days = Array.from({ length: dayCount }, (_, i) => addDays(today, i - dayCount));
  const validFrom = addDays(today, -dayCount - 60);
  const { calendar } = await loadCaseConfig(db);

  const departments = await sql<Dept[]>`select id, code, kind, level, parent_id, region_id from department order by id`;
  const byId = new Map(departments.map((d) => [d.id, d]));
  const root = departments.find((d) => d.parent_id === null && d.kind === "command");
  if (!root)
    return {
      days: 0,
      points: 0,
      rules: 0,
      punches: 0,
      refused: 0,
      patrols: 0,
      patrolPoints: 0,
      requests: 0,
      dayRows: 0,
      ms: 0,
      phases,
    };
  const streetOffices = departments.filter((d) => d.level === 1 && d.kind === "office" && byId.get(d.parent_id ?? -1) === root);
  const stations = departments.filter((d) => d.level === 2 && d.kind === "grid_office");

  // Where the offices are: a point inside their region (the street office's and the district's off-centre a little).
  const anchors = new Map(
    (
      await sql<{ id: number; lon: number; lat: number }[]>`
        select r.id, st_x(p) as lon, st_y(p) as lat
          from region r, lateral (select st_pointonsurface(r.geom) as p) x
         where r.id = any(${[root.region_id, ...streetOffices.map((d) => d.region_id), ...stations.map((d) => d.region_id)]}::int[])`
    ).map((r) => [r.id, { lon: r.lon, lat: r.lat }]),
  );

  // The fences, inspected and stored through the attendance-point queries as the fence editor stores them.
  const fenceOf = new Map<number, FencePlace>();
  let points = 0;
  const addFence = async (d: Dept, name: string, place: FencePlace) => {
    const shape =
      place.shape === "circle"
        ? ({ shape: "circle", center: [place.lon, place.lat], radiusM: place.radiusM } as const)
        : ({ shape: "polygon", ring: rectangle(place) } as const);
    const inspected = await inspectFence(db, shape, d.region_id, 500);
    if (!inspected.valid) throw new Error(`demo fence ${name} is not valid: ${inspected.reason}`);
    const point = await insertAttendancePoint(
      db,
      {
        name,
        regionId: d.region_id,
        shape: place.shape,
        geomHex: inspected.geomHex,
        center: place.shape === "circle" ? [place.lon, place.lat] : null,
        radiusM: place.shape === "circle" ? place.radiusM : null,
      },
      null,
    );
    await replaceAttendancePointMembers(db, point.id, [], [d.id]);
    fenceOf.set(d.id, place);
    points++;
  };
  const names = new Map((await sql<{ id: number; name: string }[]>`select id, name from department`).map((d) => [d.id, d.name]));
  const rootAnchor = anchors.get(root.region_id)!;
  await addFence(root, `${names.get(root.id)}`, { shape: "polygon", ...rootAnchor, halfWidthM: 80, halfHeightM: 55 });
  for (const d of streetOffices) {
    const rng = rngFor(options.seed, d.code, "fence");
    await addFence(d, `${names.get(d.id)}`, {
      shape: "polygon",
      ...anchors.get(d.region_id)!,
      halfWidthM: Math.round(rng.range(45, 70)),
      halfHeightM: Math.round(rng.range(35, 55)),
    });
  }
  for (const d of stations) {
    const rng = rngFor(options.seed, d.code, "fence");
    await addFence(d, `${names.get(d.id)}`, { shape: "circle", ...anchors.get(d.region_id)!, radiusM: rng.int(8, 15) * 10 });
  }

  phase("fences");
  // One rule set per office kind, in force since before the seeded weeks.
  let rules = 0;
  const addRule = async (
    holder: { departmentId: number | null; staffId: number | null },
    r: (typeof RULES)[keyof typeof RULES],
  ) => {
    await insertAttendanceRule(
      db,
      {
        name: r.name,
        ...holder,
        startMinute: r.startMinute,
        endMinute: r.endMinute,
        lateGraceMinutes: 5,
        earlyGraceMinutes: 5,
        minWorkMinutes: 480,
        requiredPatrols: r.requiredPatrols,
        allowOutsideWithReason: true,
        maxAccuracyM: 200,
        validFrom,
        validTo: null,
      },
      null,
    );
    rules++;
  };
  const ofDepartment = (d: Dept) => ({ departmentId: d.id, staffId: null });
  await addRule(ofDepartment(root), RULES.command);
  for (const d of streetOffices) await addRule(ofDepartment(d), RULES.street);
  for (const d of stations) await addRule(ofDepartment(d), RULES.station);

  phase("rules");
  // The people: their fence is their office's (a street's sections punch at the street office), their rule is
  // the one lib's resolution gives them (the 网格长's own, else their department's or an ancestor's).
  const staff = await sql<
    {
      id: number;
      staff_no: string;
      department_id: number;
      hire_date: string;
      leave_date: string | null;
      patrols: boolean;
      head: boolean;
    }[]
  >`
    select s.id::int as id, s.staff_no, s.department_id, s.hire_date::text as hire_date, s.leave_date::text as leave_date,
           exists (select from grid_post p where p.staff_id = s.id and p.grid_role in ('full_time', 'part_time')
                      and (p.valid_to is null or p.valid_to > ${days[0]}::date)) as patrols,
           exists (select from grid_post p where p.staff_id = s.id and p.grid_role = 'grid_head' and p.valid_to is null) as head
      from staff s
     where s.hire_date < ${today}::date and (s.leave_date is null or s.leave_date > ${days[0]}::date)
     order by s.id`;
  for (const s of staff) if (s.head && !s.patrols) await addRule({ departmentId: null, staffId: s.id }, RULES.head);
  const fenceFor = (departmentId: number): FencePlace | null => {
    for (let d = byId.get(departmentId); d; d = d.parent_id === null ? undefined : byId.get(d.parent_id)) {
      const f = fenceOf.get(d.id);
      if (f) return f;
    }
    return null;
  };
  // Resolved once per department and kind of person (the heads' own rules are all alike).
  const ruleKey = (s: (typeof staff)[number]) => `${s.department_id}:${s.head && !s.patrols}`;
  const ruleOfKey = new Map<string, Awaited<ReturnType<typeof resolveAttendanceRule>>>();
  for (const s of staff) {
    if (!ruleOfKey.has(ruleKey(s))) ruleOfKey.set(ruleKey(s), await resolveAttendanceRule(db, s.id, days[days.length - 1]));
  }
  const ruleOfStaff = new Map(staff.map((s) => [s.id, ruleOfKey.get(ruleKey(s))!]));
  const people: AttendancePerson[] = staff.map((s) => {
    const rule = ruleOfStaff.get(s.id)!;
    return {
      staffId: s.id,
      staffNo: s.staff_no,
      hireDate: s.hire_date,
      leaveDate: s.leave_date,
      startMinute: rule.startMinute,
      endMinute: rule.endMinute,
      lateGraceMinutes: rule.lateGraceMinutes,
      earlyGraceMinutes: rule.earlyGraceMinutes,
      requiredPatrols: rule.requiredPatrols,
      fence: fenceFor(s.department_id),
      patrols: s.patrols,
    };
  });

  phase("people + rules in force");
  // Behaviour, then the punches through the fence rule.
  const planned: PersonDay[] = [];
  for (const day of days) {
    const workday = isWorkingDay(day, calendar);
    for (const p of people) planned.push(planPersonDay(options.seed, p, day, workday));
  }
  const personOf = new Map(people.map((p) => [p.staffId, p]));
  const candidates = planned.flatMap((pd) =>
    pd.punches.map((punch, i) => ({
      pd,
      punch,
      key: 0,
      requestId: uuidFrom(rngFor(options.seed, pd.staffId, pd.day, i, "request")),
    })),
  );
  candidates.forEach((c, i) => (c.key = i));
  phase("behaviour");
  let punches = 0;
  let refused = 0;
  for (let from = 0; from < candidates.length; from += BATCH) {
    const batch = candidates.slice(from, from + BATCH);
    const probes = await nearestServingFences(
      db,
      batch.map((c) => ({ key: c.key, staffId: c.pd.staffId, lon: c.punch.lon, lat: c.punch.lat })),
      { farM: FAR_OUTSIDE_DISTRICT_M },
    );
    const probeOf = new Map(probes.map((p) => [p.key, p]));
    const rows: NewPunch[] = [];
    for (const c of batch) {
      const probe = probeOf.get(c.key)!;
      const rule = ruleOfStaff.get(c.pd.staffId)!;
      const serverAt = new Date(c.punch.serverAt);
      const deviceAt = c.punch.deviceAt === null ? null : new Date(c.punch.deviceAt);
      const timing = decidePunchTiming({ serverAt, deviceAt, offline: c.punch.offline });
      const verdict = decideFenceVerdict({
        position: { lon: c.punch.lon, lat: c.punch.lat, accuracyM: c.punch.accuracyM },
        withinDistrict: probe.withinDistrict,
        nearest:
          probe.pointId !== null
            ? { pointId: probe.pointId, name: probe.pointName ?? "", distanceM: probe.distanceM ?? 0 }
            : null,
        rule,
        outsideReason: c.punch.outsideReason,
      });
      // A refused punch is not stored (the phone says why and the person tries again).
      if (!timing.ok || verdict.kind === "refused") {
        refused++;
        continue;
      }
      rows.push({
        staffId: c.pd.staffId,
        requestId: c.requestId,
        kind: c.punch.kind,
        serverAt,
        deviceAt,
        day: timing.day,
        lon: c.punch.lon,
        lat: c.punch.lat,
        accuracyM: c.punch.accuracyM,
        pointId: verdict.pointId,
        distanceM: verdict.distanceM,
        inside: verdict.kind === "inside",
        outsideReason: verdict.kind === "outside" ? c.punch.outsideReason : null,
        offline: c.punch.offline,
        reviewFlags: [...timing.flags, ...(verdict.kind === "outside" ? ["outside"] : [])],
        photo: null,
      });
    }
    punches += (await insertPunches(db, rows)).length;
  }

  phase("punches (verdicts + insert)");
  await sql`analyze attendance_punch`;

  const { patrols, patrolPoints } = await seedPatrols(conn, { seed: options.seed, planned, lastDay: days[days.length - 1] });
  phase("patrols (tracks, measure, judge)");
  // A few pending 补卡 for punches forgotten in the last ten days.
  let requests = 0;
  for (const pd of planned) {
    if (!pd.forgot || pd.day < addDays(today, -10)) continue;
    if (!rngFor(options.seed, pd.staffId, pd.day, "correction").chance(0.4)) continue;
    const p = personOf.get(pd.staffId)!;
    const minute = pd.forgot === "in" ? p.startMinute - 10 : p.endMinute + 5;
    await insertAttendanceRequest(db, {
      staffId: pd.staffId,
      kind: "correction",
      day: pd.day,
      untilDay: null,
      punchKind: pd.forgot,
      punchAt: new Date(Date.parse(`${pd.day}T00:00:00Z`) + (minute - 480) * 60_000).toISOString(),
      leaveType: null,
      reason: pd.forgot === "in" ? "到岗后忘记打卡" : "下班时手机没电，未能打卡",
      requestedBy: null,
    });
    requests++;
  }

  phase("补卡 requests");
  // The days, computed by lib's daily rule from what was stored.
  let dayRows = 0;
  for (const day of days) dayRows += (await computeAttendanceDays(db, { day, calendar })).count;
  phase("days");

  return {
    days: days.length,
    points,
    rules,
    punches,
    refused,
    patrols,
    patrolPoints,
    requests,
    dayRows,
    ms: Math.round(performance.now() - started),
    phases,
  };
}

/** A rectangle's ring around its centre (lon/lat), north up. */
function rectangle(f: Extract<FencePlace, { shape: "polygon" }>): [number, number][] {
  const dLon = f.halfWidthM / (111_320 * Math.cos((f.lat * Math.PI) / 180));
  const dLat = f.halfHeightM / 111_320;
  return [
    [f.lon - dLon, f.lat - dLat],
    [f.lon + dLon, f.lat - dLat],
    [f.lon + dLon, f.lat + dLat],
    [f.lon - dLon, f.lat + dLat],
    [f.lon - dLon, f.lat - dLat],
  ];
}

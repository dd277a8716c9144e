import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCaseClock } from "../../lib/case/run-clock";
import { DISPOSAL_STAR_TABLE } from "../../lib/case/ratings";
import { openTestDb } from "../testing/test-db";
import { caseLifecycleRules, seedCases, type CaseSeedReport } from "./cases";
import { createCaseComposer, planGridVolumes } from "./cases-compose";
import { readCaseSeedContext } from "./cases-context";
import { replayCase } from "./cases-replay";
import { yearWindow } from "./cases-rhythm";

/** The demo cases on the small district (the file's copy of the test template holds it), generated up to a fixed instant (Monday 22:24 in Beijing). */
const NOW = new Date("2026-11-23T14:24:00.000Z");
const conn = openTestDb();
const { sql } = conn;
let report: CaseSeedReport;

const one = async <T>(query: Promise<T[]>) => (await query)[0];

async function checksum() {
  return one(sql<{ md5: string }[]>`
    select md5(string_agg(concat_ws('|', id, number, source, category_id, description, st_astext(geom), grid_id, state, level, version, light,
                                    deadline_at, satisfaction, disposal_stars, external_id), ',' order by id)) as md5 from case_record`);
}

beforeAll(async () => {
  report = await seedCases(conn, { seed: 1, now: NOW });
});

afterAll(async () => {
  await conn.db.destroy();
});

describe("a year of demo cases", () => {
  it("has about 1.26 cases per household, ten timeline rows each, and bins every case", async () => {
    const { households } = await one(
      sql<{ households: number }[]>`select sum(households)::int as households from region where level = 4`,
    );
    expect(report.cases).toBeGreaterThan(households * 1.1);
    expect(report.cases).toBeLessThan(households * 1.45);
    expect(report.events / report.cases).toBeGreaterThan(6);
    expect(await one(sql`select count(*)::int as n from case_record`)).toEqual({ n: report.cases });
    expect(await one(sql`select count(*)::int as n from case_event`)).toEqual({ n: report.events });
    expect(await one(sql`select sum(count)::int as n from case_heat_bin`)).toEqual({ n: report.cases });
    // The map's all-days totals are rebuilt from the bins after the load.
    expect(await one(sql`select sum(count)::int as n from case_heat_total where level = 0`)).toEqual({ n: report.cases });
    expect(await one(sql`select count(*)::int as n from case_record where not heat_binned`)).toEqual({ n: 0 });
  });

  it("bins by exactly the heat definition (250 m cells of EPSG:3857, local day, category, grid)", async () => {
    const diff = await sql`
      (select (reported_at at time zone 'Asia/Shanghai')::date as day, category_id, grid_id,
              floor(st_x(geom_3857) / 250)::int as cell_x, floor(st_y(geom_3857) / 250)::int as cell_y, count(*)::int as count
         from case_record group by 1, 2, 3, 4, 5
       except select day, category_id, grid_id, cell_x, cell_y, count from case_heat_bin)`;
    expect(diff).toEqual([]);
  });

  it("puts every case inside its basic grid, with the grid's path", async () => {
    expect(
      await one(sql`
      select count(*)::int as n from case_record c join region g on g.id = c.grid_id
       where g.level <> 4 or not st_contains(g.geom, c.geom) or c.region_path <> g.path`),
    ).toEqual({ n: 0 });
  });

  it("numbers cases SJ + local report date + 7 digits, uniquely; 12345 orders carry their external id", async () => {
    expect(
      await one(sql`
      select count(*)::int as n from case_record
       where number !~ '^SJ[0-9]{15}$' or substr(number, 3, 8) <> to_char(reported_at at time zone 'Asia/Shanghai', 'YYYYMMDD')`),
    ).toEqual({ n: 0 });
    expect(
      await one(
        sql`select count(*)::int as n from case_record where source = 'hotline' and (external_system <> '12345' or external_id !~ '^12345-20[0-9]{13}$')`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(sql`select count(*)::int as n from case_record where source <> 'hotline' and external_id is not null`),
    ).toEqual({ n: 0 });
    // New cases continue the sequences: the default number and id do not collide with generated ones.
    const [made] = await sql<{ id: number; number: string }[]>`
      insert into case_record (district_code, source, kind, category_id, description, geom, grid_id, region_path, urgency, level, state)
      select district_code, 'grid_worker', kind, category_id, '序列检查', geom, grid_id, region_path, urgency, level, 'cancelled' from case_record where id = 1
      returning id, number`;
    expect(made.id).toBe(report.cases + 1);
    expect(await one(sql`select count(*)::int as n from case_record where number = ${made.number}`)).toEqual({ n: 1 });
    await sql`delete from case_record where id = ${made.id}`;
  });

  it("mixes sources and categories like a district: grid workers most, the hotline many, every group present", async () => {
    const sources = Object.fromEntries(
      (
        await sql<{ source: string; share: number }[]>`
      select source, count(*)::float / sum(count(*)) over () as share from case_record group by 1`
      ).map((r) => [r.source, r.share]),
    );
    expect(sources.grid_worker).toBeGreaterThan(0.45);
    expect(sources.hotline).toBeGreaterThan(0.2);
    expect(sources.hotline).toBeLessThan(0.4);
    for (const s of ["resident", "department", "visit", "video"]) expect(sources[s]).toBeGreaterThan(0);
    const groups = await sql<
      { grp: string }[]
    >`select distinct k.grp from case_record c join case_category k on k.id = c.category_id`;
    expect(groups.map((g) => g.grp).sort()).toEqual(["component", "dispute", "event", "hazard", "hotline"]);
    expect(
      await one(
        sql`select count(*)::int as n from case_record c join case_category k on k.id = c.category_id where (c.source = 'hotline') <> (k.grp = 'hotline')`,
      ),
    ).toEqual({ n: 0 });
  });

  it("finishes most cases, keeps some open, some reopened, and rates them by the rules", async () => {
    const finished = report.byState.evaluated + report.byState.closed + (report.byState.cancelled ?? 0);
    expect(finished / report.cases).toBeGreaterThan(0.85);
    expect(report.open).toBeGreaterThan(0);
    expect(await one(sql`select count(*)::int as n from case_record where reopen_count > 0`)).not.toEqual({ n: 0 });
    const table = Object.entries(DISPOSAL_STAR_TABLE).flatMap(([t, row]) =>
      Object.entries(row).map(([s, stars]) => ({ t, s, stars })),
    );
    expect(
      await one(sql`
      select count(*)::int as n from case_record c
        join jsonb_to_recordset(${sql.json(table)}) as d(t text, s text, stars int) on d.t = c.timeliness and d.s = c.satisfaction
       where c.state = 'evaluated' and c.disposal_stars is distinct from d.stars`),
    ).toEqual({ n: 0 });
    expect(
      await one(
        sql`select count(*)::int as n from case_record where state = 'evaluated' and (disposal_stars is null or satisfaction is null or timeliness is null)`,
      ),
    ).toEqual({ n: 0 });
  });

  it("answers 问题是否解决 at every return visit and signs most orders in time: believable 解决率 and 响应率", async () => {
    expect(
      await one(sql`select count(*)::int as n from case_record where (satisfaction is not null) <> (resolution is not null)`),
    ).toEqual({ n: 0 });
    const r = await one(sql<{ resolved: number; answered: number; inTime: number; due: number }[]>`
      select count(*) filter (where resolution = 'resolved')::int as resolved,
             count(*) filter (where resolution in ('resolved', 'unresolved'))::int as answered,
             count(*) filter (where acknowledged_at <= acknowledge_deadline_at)::int as "inTime",
             count(*) filter (where acknowledged_at is not null or acknowledge_deadline_at < ${NOW})::int as due
        from case_record where acknowledge_deadline_at is not null or resolution is not null`);
    expect(r.resolved / r.answered).toBeGreaterThan(0.8);
    expect(r.resolved / r.answered).toBeLessThan(0.99);
    expect(r.inTime / r.due).toBeGreaterThan(0.8);
    expect(r.inTime / r.due).toBeLessThan(0.99);
  });

  it("assesses every dispute and hazard (LEC), each grade occurring, with an emergency plan for every 重大 one", async () => {
    const grades = await sql<{ grade: string | null; n: number; plans: number }[]>`
      select c.risk_grade as grade, count(*)::int as n, count(c.emergency_plan)::int as plans
        from case_record c join case_category k on k.id = c.category_id
       where k.risk_assessed group by c.risk_grade order by c.risk_grade`;
    const by = Object.fromEntries(grades.map((g) => [g.grade, g]));
    expect(by.null).toBeUndefined();
    for (const g of ["general", "important", "major"]) expect(by[g]?.n ?? 0).toBeGreaterThan(0);
    expect(by.major.plans).toBe(by.major.n);
    expect(by.general.plans + by.important.plans).toBe(0);
    // most risks are 一般, few 重大
    expect(by.general.n).toBeGreaterThan(by.important.n);
    expect(by.important.n).toBeGreaterThan(by.major.n);
  });

  it("walks the corrected rules: late report backs after a disposal in time, extensions, dissatisfied visits reopened", async () => {
    const n = (query: Promise<{ n: number }[]>) => one(query).then((r) => r.n);
    // Handled within the limit, reported back after it: overdue (timeliness comes from the report back).
    expect(
      await n(sql`
      select count(*)::int as n from case_record
       where reopen_count = 0 and timeliness = 'overdue' and handled_at <= handle_deadline_at`),
    ).toBeGreaterThan(0);
    expect(await n(sql`select count(*)::int as n from case_event where action = 'extension_approve'`)).toBeGreaterThan(0);
    expect(
      await n(sql`select count(*)::int as n from case_event where action = 'reopen' and from_state = 'evaluated'`),
    ).toBeGreaterThan(0);
    expect(
      await n(sql`select count(*)::int as n from case_event where action = 'supervision_order' and from_state = 'evaluated'`),
    ).toBeGreaterThan(0);
    // Discovery stars from the lead unit, after it signed.
    expect(
      await n(sql`select count(*)::int as n from case_event where action = 'rate_discovery' and from_state = 'acknowledged'`),
    ).toBeGreaterThan(0);
    // Never early after an extension or a reopen; never reopened or supervised after a satisfied evaluation.
    expect(
      await n(
        sql`select count(*)::int as n from case_record where timeliness = 'early' and (extension_count > 0 or reopen_count > 0)`,
      ),
    ).toBe(0);
    expect(
      await n(sql`
      select count(*)::int as n from case_event e
       where e.action in ('reopen', 'supervision_order') and e.from_state = 'evaluated'
         and (select p.details ->> 'satisfaction' from case_event p
               where p.case_id = e.case_id and p.action = 'evaluate' and p.id < e.id order by p.id desc limit 1)
             not in ('dissatisfied', 'very_dissatisfied')`),
    ).toBe(0);
  });

  it("writes a timeline that starts with the report and accounts for every version", async () => {
    expect(
      await one(sql`
      select count(*)::int as n from case_record c
        join lateral (select count(*) as events, min(id) as first, max(at) as last from case_event e where e.case_id = c.id) e on true
       where e.events <> c.version or e.last <> c.updated_at
          or (select action from case_event where id = e.first) <> 'report'`),
    ).toEqual({ n: 0 });
    // The report's row as report-case.ts writes it: channel, source, and the risk of a risk-assessed case.
    expect(
      await one(sql`
      select count(*)::int as n from case_record c join case_event e on e.case_id = c.id and e.action = 'report'
       where e.details ->> 'channel' <> 'generator' or e.details ->> 'source' <> c.source
          or (e.details -> 'risk' ->> 'value')::numeric is distinct from c.risk_value
          or e.details -> 'risk' ->> 'grade' is distinct from c.risk_grade`),
    ).toEqual({ n: 0 });
    // Each step starts where the one before ended.
    expect(
      await one(sql`
      select count(*)::int as n from (
        select to_state, lead(from_state) over (partition by case_id order by id) as next_from, at, lead(at) over (partition by case_id order by id) as next_at
          from case_event) s
       where next_from is not null and (next_from <> to_state or next_at < at)`),
    ).toEqual({ n: 0 });
  });

  it("keeps each open case's stage, light and clock bookkeeping as the clock would, so a pass at now changes nothing", async () => {
    expect(
      await one(sql`
      select count(*)::int as n from case_record
       where (state in ('reported', 'filed', 'dispatched', 'acknowledged', 'returned', 'handled', 'reported_back', 'verifying')) <> (stage is not null)
          or stage is distinct from case state when 'reported' then 'accept' when 'filed' then 'dispatch' when 'returned' then 'dispatch'
                                              when 'reported_back' then 'verify' when 'verifying' then 'verify'
                                              when 'dispatched' then 'handle' when 'acknowledged' then 'handle' when 'handled' then 'handle' end
          or (stage is null and light is not null)`),
    ).toEqual({ n: 0 });
    const before = await one(sql<{ n: number }[]>`select count(*)::int as n from case_notice`);
    const pass = await runCaseClock(conn.db, NOW);
    expect(pass).toMatchObject({ updated: 0, skipped: false });
    expect(await one(sql`select count(*)::int as n from case_notice`)).toEqual(before);
  });

  it("made every case by lib/case's rules: each timeline replays step by step, and the rows hold the replayed lights and stars", async () => {
    // The same run again in memory (same seed, same instant, same district): the composer is deterministic.
    const ctx = await readCaseSeedContext(conn);
    const rules = caseLifecycleRules(ctx, NOW);
    const compose = createCaseComposer(ctx, { seed: 1, window: yearWindow(NOW, ctx.calendar), rules }, () => Buffer.alloc(0));
    const volumes = planGridVolumes(ctx, 1, 1);
    const rows = new Map(
      (
        await sql<{ id: number; v: string }[]>`
        select id, concat_ws('|', state, level, version, light, (extract(epoch from deadline_at) * 1000)::bigint, timeliness, satisfaction,
                             disposal_stars, discovery_stars, reopen_count, supervision_count) as v from case_record`
      ).map((r) => [r.id, r.v]),
    );
    const problems: string[] = [];
    let nextId = 1;
    let replayed = 0;
    for (let g = 0; g < ctx.grids.length; g++) {
      const composed = compose(ctx.grids[g], volumes[g], nextId);
      nextId += composed.length;
      for (const { facts, outcome: o, input } of composed) {
        for (const p of replayCase(rules, input, o)) problems.push(`case ${facts.id}: ${p}`);
        const v = [o.state, o.level, o.version, o.light, o.deadlineAt, o.timeliness, o.satisfaction, o.disposalStars]
          .concat([o.discoveryStars, o.reopenCount, o.supervisionCount])
          .filter((x) => x !== null)
          .join("|");
        if (rows.get(facts.id) !== v)
          problems.push(`case ${facts.id}: the database holds ${rows.get(facts.id)}, the replay ${v}`);
        replayed++;
      }
    }
    expect(replayed).toBe(report.cases);
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it("gives the same cases, case for case, for the same seed and instant", async () => {
    const first = await checksum();
    await seedCases(conn, { seed: 1, now: NOW });
    expect(await checksum()).toEqual(first);
  });
});

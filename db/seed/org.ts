/**
 * Loads the demo organisation (org-plan.ts) into a freshly seeded district: positions and ranks (kept
 * across reseeds, upserted by code), departments linked to the region tree and the case units, staff with
 * identity numbers and phones protected exactly like residents' (lib/pii's bulk protector: AES-GCM cipher,
 * HMAC lookup hash, masked copy), their jobs and their grid posts. A few thousand rows at full scale, so
 * set-based inserts from JSON (explicit ids, in plan order) rather than COPY.
 *
 * Staffed: the district offices, and the streets and communities that have people at this scale (the
 * `populated` communities), so the small scale has the organisation of its two streets only.
 */
import { beijingDay } from "../../lib/format/time";
import { makeIdNumber } from "../../lib/pii/id-number";
import { maskIdNumber, maskPhone } from "../../lib/pii/mask";
import { createBulkProtector } from "../../lib/pii/protect";
import { POSITIONS, RANKS } from "./org-catalog";
import { planOrganisation, type OrgCommunity, type OrgRegion, type OrgStreet } from "./org-plan";
import { createIdSequencer } from "./people";
import type { Sql } from "./regions";

export type OrgCounts = { department: number; staff: number; staff_job: number; grid_post: number; left: number };

type RegionRow = OrgRegion & { level: number; parent_id: number | null };

/** Reads the region tree and case units, plans the organisation and inserts it (the district tables are empty). */
export async function seedOrganisation(
  sql: Sql,
  options: { seed: number; populated: Set<string>; now: Date },
): Promise<OrgCounts> {
  const regions = await sql<RegionRow[]>`
    select id, code, name, kind, level, parent_id from region order by level, code`;
  const units = await sql<{ id: number; code: string; name: string; kind: string }[]>`
    select id, code, name, kind from case_unit order by id`;
  const district = regions.find((r) => r.level === 0);
  if (!district) return { department: 0, staff: 0, staff_job: 0, grid_post: 0, left: 0 };
  const unitId = new Map(units.map((u) => [u.code, u.id]));
  const children = new Map<number, RegionRow[]>();
  for (const r of regions) if (r.parent_id !== null) children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), r]);
  const below = (r: RegionRow) => children.get(r.id) ?? [];

  const streets: OrgStreet[] = below(district)
    .map((s) => ({
      ...region(s),
      caseUnitId: unitId.get(`street.${s.code}`) ?? null,
      communities: below(s)
        .filter((c) => options.populated.has(c.code))
        .map((c): OrgCommunity => ({
          ...region(c),
          caseUnitId: unitId.get(`community.${c.code}`) ?? null,
          xiaoqus: below(c).map((x) => ({ ...region(x), grids: below(x).map(region) })),
        })),
    }))
    .filter((s) => s.communities.length > 0);
  const plan = planOrganisation({
    seed: options.seed,
    today: beijingDay(options.now),
    district: region(district),
    bureaus: units.filter((u) => u.kind === "department").map((u) => ({ code: u.code, name: u.name, caseUnitId: u.id })),
    streets,
  });

  // Positions and ranks outlive a reseed (nothing of the district points at them after the TRUNCATE).
  await sql`
    insert into staff_position (code, name, grid_role, sort_order)
    select code, name, grid_role, sort_order
      from jsonb_to_recordset(${sql.json(POSITIONS.map((p, i) => ({ code: p.code, name: p.name, grid_role: p.gridRole, sort_order: (i + 1) * 10 })))})
           as p(code text, name text, grid_role text, sort_order integer)
    on conflict (code) do update set name = excluded.name, grid_role = excluded.grid_role, sort_order = excluded.sort_order`;
  await sql`
    insert into staff_rank (code, name, ordinal)
    select code, name, ordinal from jsonb_to_recordset(${sql.json(RANKS.map((r) => ({ ...r })))}) as r(code text, name text, ordinal smallint)
    on conflict do nothing`;
  const positionId = new Map(
    (await sql<{ id: number; code: string }[]>`select id, code from staff_position`).map((p) => [p.code, p.id]),
  );
  const rankId = new Map(
    (await sql<{ id: number; ordinal: number }[]>`select id, ordinal from staff_rank`).map((r) => [r.ordinal, r.id]),
  );

  const departmentId = new Map<string, number>();
  const [{ base: departmentBase }] = await sql<{ base: number }[]>`select coalesce(max(id), 0)::int as base from department`;
  const departmentRows = plan.departments.map((d, i) => {
    const id = departmentBase + i + 1;
    departmentId.set(d.code, id);
    return {
      id,
      code: d.code,
      name: d.name,
      kind: d.kind,
      level: d.level,
      parent_id: d.parentCode === null ? null : departmentId.get(d.parentCode)!,
      region_id: d.regionId,
      case_unit_id: d.caseUnitId,
      sort_order: d.sortOrder,
      valid_from: plan.validFrom,
    };
  });
  await sql`
    insert into department (id, code, name, kind, level, parent_id, region_id, case_unit_id, sort_order, valid_from)
    overriding system value
    select * from jsonb_to_recordset(${sql.json(departmentRows)})
      as d(id integer, code text, name text, kind text, level smallint, parent_id integer, region_id integer,
           case_unit_id integer, sort_order integer, valid_from date)
    order by id`;

  const protector = createBulkProtector();
  const nextId = createIdSequencer();
  const [{ base: staffBase }] = await sql<{ base: number }[]>`select coalesce(max(id), 0)::int as base from staff`;
  const staffRows = [];
  const jobRows = [];
  const postRows = [];
  for (const [i, s] of plan.staff.entries()) {
    const id = staffBase + i + 1;
    const seq = nextId(s.birthDate, s.gender);
    const idNumber = makeIdNumber({
      addressCode: s.birthplace,
      birthDate: seq.birthDate,
      ordinal: seq.ordinal,
      gender: s.gender,
    });
    const current = s.jobs[s.jobs.length - 1];
    staffRows.push({
      id,
      staff_no: `${district.code}${String(i + 1).padStart(5, "0")}`,
      name: s.name,
      gender: s.gender === "M" ? "male" : "female",
      department_id: departmentId.get(current.department)!,
      position_id: positionId.get(current.position)!,
      rank_id: rankId.get(current.rank)!,
      hire_date: s.hireDate,
      leave_date: s.leaveDate,
      id_number_cipher: protector.encrypt(idNumber).toString("hex"),
      id_number_hash: protector.hashIdNumber(idNumber).toString("hex"),
      id_number_masked: maskIdNumber(idNumber),
      phone_cipher: protector.encrypt(s.phone).toString("hex"),
      phone_masked: maskPhone(s.phone),
      district_code: district.code,
    });
    for (const j of s.jobs) {
      jobRows.push({
        staff_id: id,
        department_id: departmentId.get(j.department)!,
        position_id: positionId.get(j.position)!,
        rank_id: rankId.get(j.rank)!,
        valid_from: j.from,
        valid_to: j.to,
        reason: j.reason,
      });
    }
    for (const p of s.posts)
      postRows.push({ staff_id: id, region_id: p.regionId, grid_role: p.role, valid_from: p.from, valid_to: p.to });
  }
  await sql`
    insert into staff (id, staff_no, name, gender, department_id, position_id, rank_id, hire_date, leave_date, id_number_cipher,
                       id_number_hash, id_number_masked, phone_cipher, phone_masked, district_code)
    overriding system value
    select id, staff_no, name, gender, department_id, position_id, rank_id, hire_date, leave_date, decode(id_number_cipher, 'hex'),
           decode(id_number_hash, 'hex'), id_number_masked, decode(phone_cipher, 'hex'), phone_masked, district_code
      from jsonb_to_recordset(${sql.json(staffRows)})
        as s(id bigint, staff_no text, name text, gender text, department_id integer, position_id integer, rank_id integer,
             hire_date date, leave_date date, id_number_cipher text, id_number_hash text, id_number_masked text,
             phone_cipher text, phone_masked text, district_code text)
     order by id`;
  await sql`
    insert into staff_job (staff_id, department_id, position_id, rank_id, valid_from, valid_to, reason)
    select * from jsonb_to_recordset(${sql.json(jobRows)})
      as j(staff_id bigint, department_id integer, position_id integer, rank_id integer, valid_from date, valid_to date, reason text)`;
  await sql`
    insert into grid_post (staff_id, region_id, grid_role, valid_from, valid_to)
    select * from jsonb_to_recordset(${sql.json(postRows)})
      as p(staff_id bigint, region_id integer, grid_role text, valid_from date, valid_to date)`;
  for (const table of ["department", "staff", "staff_job", "grid_post"]) {
    await sql.unsafe(
      `select setval(pg_get_serial_sequence('${table}', 'id'), greatest(max(id), 1), max(id) is not null) from ${table}`,
    );
  }
  return {
    department: departmentRows.length,
    staff: staffRows.length,
    staff_job: jobRows.length,
    grid_post: postRows.length,
    left: plan.staff.filter((s) => s.leaveDate !== null).length,
  };
}

function region(r: OrgRegion): OrgRegion {
  return { id: r.id, code: r.code, name: r.name, kind: r.kind };
}

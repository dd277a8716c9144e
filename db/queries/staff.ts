import { sql, type Kysely, type RawBuilder } from "kysely";
import type { DB } from "../types";
import type { Scope } from "./scope";
import { staffWithinScope } from "./staff-scope";

/*
 * Staff records: the list (keyset pages by staff number), one person's record and history, the writes that
 * keep `staff` and its open `staff_job` row in step, and the photo. Every read filters by
 * `staffWithinScope`. Ciphertext columns are selected only by `findStaffSecrets`, whose callers decrypt
 * on purpose. Days are ISO text (YYYY-MM-DD).
 */

export type StaffListQuery = {
  scope: Scope;
  today: string;
  /** A department and its whole subtree (ids resolved by the caller). */
  departmentIds?: readonly number[];
  positionId?: number;
  rankId?: number;
  /** Holds a grid post in force today in this role. */
  gridRole?: string;
  status: "in_service" | "left" | "all";
  /** Part of the name, or the beginning of the staff number; matched literally (no LIKE wildcards). */
  q?: string;
};

export type StaffPostBrief = { role: string; regionId: number; regionName: string };

export type StaffListRow = {
  id: number;
  staffNo: string;
  name: string;
  gender: string | null;
  departmentId: number;
  departmentName: string;
  positionName: string;
  rankName: string;
  hireDate: string;
  leaveDate: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  posts: StaffPostBrief[];
};

function postsInForce(today: string) {
  return sql<StaffPostBrief[]>`coalesce((
      select json_agg(json_build_object('role', p.grid_role, 'regionId', p.region_id, 'regionName', pr.name) order by p.valid_from, p.id)
        from grid_post p join region pr on pr.id = p.region_id
       where p.staff_id = s.id and p.valid_from <= ${today}::date and (p.valid_to is null or p.valid_to > ${today}::date)), '[]'::json)`;
}

function listWhere(q: StaffListQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [staffWithinScope(sql`s.id`, q.scope)];
  if (q.departmentIds) parts.push(sql`s.department_id = any(${q.departmentIds as number[]}::int[])`);
  if (q.positionId !== undefined) parts.push(sql`s.position_id = ${q.positionId}`);
  if (q.rankId !== undefined) parts.push(sql`s.rank_id = ${q.rankId}`);
  if (q.gridRole !== undefined)
    parts.push(sql`exists (select 1 from grid_post gp where gp.staff_id = s.id and gp.grid_role = ${q.gridRole}
                   and gp.valid_from <= ${q.today}::date and (gp.valid_to is null or gp.valid_to > ${q.today}::date))`);
  if (q.status === "in_service") parts.push(sql`(s.leave_date is null or s.leave_date > ${q.today}::date)`);
  if (q.status === "left") parts.push(sql`s.leave_date <= ${q.today}::date`);
  // strpos and starts_with, not LIKE: a typed % or _ is a character to find, never a wildcard.
  if (q.q !== undefined) parts.push(sql`(strpos(s.name, ${q.q}) > 0 or starts_with(s.staff_no, ${q.q}))`);
  return sql.join(parts, sql` and `);
}

const LIST_COLUMNS = (today: string) => sql`s.id, s.staff_no as "staffNo", s.name, s.gender, s.department_id as "departmentId",
  d.name as "departmentName", po.name as "positionName", rk.name as "rankName",
  to_char(s.hire_date, 'YYYY-MM-DD') as "hireDate", to_char(s.leave_date, 'YYYY-MM-DD') as "leaveDate",
  s.id_number_masked as "idNumberMasked", s.phone_masked as "phoneMasked", ${postsInForce(today)} as posts`;

const LIST_FROM = sql`staff s join department d on d.id = s.department_id join staff_position po on po.id = s.position_id
  join staff_rank rk on rk.id = s.rank_id`;

/** One page of the list in staff-number order, after `after` (exclusive); `limit` rows at most. */
export async function findStaffPage(
  db: Kysely<DB>,
  q: StaffListQuery,
  page: { after?: string; limit: number },
): Promise<StaffListRow[]> {
  const after = page.after === undefined ? sql`true` : sql`s.staff_no > ${page.after}`;
  const { rows } = await sql<StaffListRow>`
    select ${LIST_COLUMNS(q.today)} from ${LIST_FROM}
     where ${listWhere(q)} and ${after}
     order by s.staff_no limit ${page.limit}`.execute(db);
  return rows;
}

/** How many people match the filters (shown above the list). */
export async function countStaff(db: Kysely<DB>, q: StaffListQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from staff s where ${listWhere(q)}`.execute(db);
  return rows[0].n;
}

export type StaffDetailRow = StaffListRow & {
  positionId: number;
  rankId: number;
  departmentPath: string;
  departmentRegionId: number;
  userId: number | null;
  username: string | null;
  hasPhoto: boolean;
  version: number;
  updatedAt: Date;
};

/** One person inside the scope (undefined otherwise: outside and unknown look the same). */
export async function findStaffDetail(
  db: Kysely<DB>,
  id: number,
  scope: Scope,
  today: string,
): Promise<StaffDetailRow | undefined> {
  const { rows } = await sql<StaffDetailRow>`
    with recursive up as (
      select d0.id, d0.parent_id, d0.name, 0 as depth from staff s0 join department d0 on d0.id = s0.department_id where s0.id = ${id}
      union all select p.id, p.parent_id, p.name, up.depth + 1 from department p join up on p.id = up.parent_id where up.depth < 10)
    select ${LIST_COLUMNS(today)}, s.position_id as "positionId", s.rank_id as "rankId", d.region_id as "departmentRegionId",
           (select string_agg(name, ' / ' order by depth desc) from up) as "departmentPath",
           s.user_id as "userId", u.username, exists (select 1 from staff_photo ph where ph.staff_id = s.id) as "hasPhoto",
           s.version, s.updated_at as "updatedAt"
      from ${LIST_FROM} left join app_user u on u.id = s.user_id
     where s.id = ${id} and ${staffWithinScope(sql`s.id`, scope)}`.execute(db);
  return rows[0];
}

export type StaffSecretsRow = {
  id: number;
  idNumberCipher: Buffer | null;
  phoneCipher: Buffer | null;
  departmentRegionId: number;
};

/** The ciphertexts of one person inside the scope, for a reveal. */
export async function findStaffSecrets(db: Kysely<DB>, id: number, scope: Scope): Promise<StaffSecretsRow | undefined> {
  const { rows } = await sql<StaffSecretsRow>`
    select s.id, s.id_number_cipher as "idNumberCipher", s.phone_cipher as "phoneCipher", d.region_id as "departmentRegionId"
      from staff s join department d on d.id = s.department_id
     where s.id = ${id} and ${staffWithinScope(sql`s.id`, scope)}`.execute(db);
  return rows[0];
}

export type StaffJobRow = {
  id: number;
  departmentId: number;
  departmentName: string;
  positionId: number;
  positionName: string;
  rankId: number;
  rankName: string;
  validFrom: string;
  validTo: string | null;
  reason: string;
  note: string | null;
};

/** The job history of one person, newest first (the caller has checked the person's scope). */
export async function findStaffJobs(db: Kysely<DB>, staffId: number): Promise<StaffJobRow[]> {
  const { rows } = await sql<StaffJobRow>`
    select j.id, j.department_id as "departmentId", d.name as "departmentName", j.position_id as "positionId",
           po.name as "positionName", j.rank_id as "rankId", rk.name as "rankName",
           to_char(j.valid_from, 'YYYY-MM-DD') as "validFrom", to_char(j.valid_to, 'YYYY-MM-DD') as "validTo", j.reason, j.note
      from staff_job j join department d on d.id = j.department_id join staff_position po on po.id = j.position_id
      join staff_rank rk on rk.id = j.rank_id
     where j.staff_id = ${staffId} order by j.valid_from desc, j.id desc`.execute(db);
  return rows;
}

export type StaffInsert = {
  staffNo: string;
  name: string;
  gender: string | null;
  departmentId: number;
  positionId: number;
  rankId: number;
  hireDate: string;
  leaveDate: string | null;
  idNumberCipher: Buffer | null;
  idNumberHash: Buffer | null;
  idNumberMasked: string | null;
  phoneCipher: Buffer | null;
  phoneMasked: string | null;
  userId: number | null;
  districtCode: string;
};

export async function insertStaff(db: Kysely<DB>, s: StaffInsert): Promise<number> {
  const row = await db
    .insertInto("staff")
    .values({
      staff_no: s.staffNo,
      name: s.name,
      gender: s.gender,
      department_id: s.departmentId,
      position_id: s.positionId,
      rank_id: s.rankId,
      hire_date: sql<Date>`${s.hireDate}::date`,
      leave_date: s.leaveDate === null ? null : sql<Date>`${s.leaveDate}::date`,
      id_number_cipher: s.idNumberCipher,
      id_number_hash: s.idNumberHash,
      id_number_masked: s.idNumberMasked,
      phone_cipher: s.phoneCipher,
      phone_masked: s.phoneMasked,
      user_id: s.userId,
      district_code: s.districtCode,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type StaffPatch = Partial<Omit<StaffInsert, "districtCode" | "staffNo">>;

/**
 * Applies `patch` when the row still has `expectedVersion`, bumping the version. Returns the new version,
 * or null when someone else saved in between (or the row is gone).
 */
export async function updateStaffAtVersion(
  db: Kysely<DB>,
  id: number,
  expectedVersion: number,
  patch: StaffPatch,
): Promise<number | null> {
  const values: Record<string, unknown> = {};
  const map: Record<keyof StaffPatch, string> = {
    name: "name",
    gender: "gender",
    departmentId: "department_id",
    positionId: "position_id",
    rankId: "rank_id",
    hireDate: "hire_date",
    leaveDate: "leave_date",
    idNumberCipher: "id_number_cipher",
    idNumberHash: "id_number_hash",
    idNumberMasked: "id_number_masked",
    phoneCipher: "phone_cipher",
    phoneMasked: "phone_masked",
    userId: "user_id",
  };
  for (const [key, column] of Object.entries(map) as [keyof StaffPatch, string][]) {
    const v = patch[key];
    if (v === undefined) continue;
    values[column] = (key === "hireDate" || key === "leaveDate") && typeof v === "string" ? sql`${v}::date` : v;
  }
  const row = await db
    .updateTable("staff")
    .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  return row?.version ?? null;
}

/** The open job row of a person (valid_to null), if any. */
export async function findOpenJob(db: Kysely<DB>, staffId: number): Promise<{ id: number; validFrom: string } | undefined> {
  const { rows } = await sql<{ id: number; validFrom: string }>`
    select id, to_char(valid_from, 'YYYY-MM-DD') as "validFrom" from staff_job where staff_id = ${staffId} and valid_to is null`.execute(
    db,
  );
  return rows[0];
}

export type JobInsert = {
  staffId: number;
  departmentId: number;
  positionId: number;
  rankId: number;
  validFrom: string;
  reason: string;
  note: string | null;
};

export async function insertStaffJob(db: Kysely<DB>, j: JobInsert): Promise<number> {
  const row = await db
    .insertInto("staff_job")
    .values({
      staff_id: j.staffId,
      department_id: j.departmentId,
      position_id: j.positionId,
      rank_id: j.rankId,
      valid_from: sql<Date>`${j.validFrom}::date`,
      reason: j.reason,
      note: j.note,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeStaffJob(db: Kysely<DB>, jobId: number, validTo: string): Promise<void> {
  await db
    .updateTable("staff_job")
    .set({ valid_to: sql<Date>`${validTo}::date` })
    .where("id", "=", jobId)
    .execute();
}

/** Rewrites the open row in place (a change effective on the day the row began). */
export async function rewriteStaffJob(
  db: Kysely<DB>,
  jobId: number,
  j: Pick<JobInsert, "departmentId" | "positionId" | "rankId" | "reason" | "note">,
): Promise<void> {
  await db
    .updateTable("staff_job")
    .set({ department_id: j.departmentId, position_id: j.positionId, rank_id: j.rankId, reason: j.reason, note: j.note })
    .where("id", "=", jobId)
    .execute();
}

/** Which of these staff numbers are taken (anywhere: numbers are unique across the district). */
export async function findTakenStaffNos(db: Kysely<DB>, staffNos: readonly string[]): Promise<Set<string>> {
  if (staffNos.length === 0) return new Set();
  const rows = await db
    .selectFrom("staff")
    .select("staff_no")
    .where("staff_no", "in", [...staffNos])
    .execute();
  return new Set(rows.map((r) => r.staff_no));
}

/** Which of these identity-number hashes are taken, as hex. */
export async function findTakenIdHashes(db: Kysely<DB>, hashes: readonly Buffer[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db
    .selectFrom("staff")
    .select("id_number_hash")
    .where("id_number_hash", "in", [...hashes])
    .execute();
  return new Set(rows.map((r) => (r.id_number_hash ? Buffer.from(r.id_number_hash).toString("hex") : "")));
}

export type StaffPhotoRow = { mime: string; content: Buffer; byteSize: number; updatedAt: Date };

export async function findStaffPhoto(db: Kysely<DB>, staffId: number): Promise<StaffPhotoRow | undefined> {
  return db
    .selectFrom("staff_photo")
    .select(["mime", "content", "byte_size as byteSize", "updated_at as updatedAt"])
    .where("staff_id", "=", staffId)
    .executeTakeFirst();
}

export async function upsertStaffPhoto(db: Kysely<DB>, staffId: number, mime: string, content: Buffer): Promise<void> {
  await db
    .insertInto("staff_photo")
    .values({ staff_id: staffId, mime, content, byte_size: content.byteLength })
    .onConflict((oc) =>
      oc.column("staff_id").doUpdateSet({ mime, content, byte_size: content.byteLength, updated_at: sql<Date>`now()` }),
    )
    .execute();
}

/** The district code staff rows carry (the district region's). */
export async function findDistrictCode(db: Kysely<DB>): Promise<string | null> {
  const row = await db.selectFrom("region").select("district_code").where("level", "=", 0).executeTakeFirst();
  return row?.district_code ?? null;
}

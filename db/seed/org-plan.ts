/**
 * The demo organisation of a generated district (issue 11, "Demo data"), pure: departments, staff, their
 * effective-dated jobs and grid posts, from the region tree, the seed and the day the seed counts as today.
 *
 * - District: the command centre (区指挥中心) with three sections, and one grid liaison office per
 *   district bureau (职能部门, acting as the bureau's case unit).
 * - Each staffed street/town: its office (街道办事处 / 镇人民政府, the street's case unit) with 综治办,
 *   城管科, 民政科 and 网格管理办; each community/village its workstation (工作站, the community's case unit).
 * - Grid posts: one 专职网格员 per basic grid (a post from their hire date), a 网格长 per community and per
 *   小区 (a village's community head also heads its first 片区), 兼职网格员 on some grids (more in villages).
 * - History: ranks rise every few years (staff_job rows with reason "promotion"); some heads were the
 *   专职网格员 of a grid of their area before (that grid's worker took over the day they were promoted);
 *   a few grid workers left, and their grid's worker was hired the day they left.
 *
 * Each street and community draws from its own random stream, so its people do not depend on which other
 * parts were generated. Dates are calendar days "YYYY-MM-DD"; periods are [from, to), to null while in force.
 */
import { addDays } from "../../lib/format/time";
import {
  BUREAU_SEATS,
  COMMAND_SEATS,
  COMMAND_SECTIONS,
  STREET_OFFICES,
  STAFF_ADDRESS_CODES,
  STREET_SEATS,
  type GridRole,
  type PositionCode,
  type Seat,
} from "./org-catalog";
import { pickGivenName, pickSurname } from "./names";
import { mobilePhone } from "./people";
import { rngFor, type Rng } from "./random";

export type OrgRegion = { id: number; code: string; name: string; kind: string };
export type OrgXiaoqu = OrgRegion & { grids: OrgRegion[] };
export type OrgCommunity = OrgRegion & { caseUnitId: number | null; xiaoqus: OrgXiaoqu[] };
export type OrgStreet = OrgRegion & { caseUnitId: number | null; communities: OrgCommunity[] };

export type OrgInput = {
  seed: number;
  /** The seed's today (Beijing calendar day): every history ends by it. */
  today: string;
  district: OrgRegion;
  /** The district bureaus, as their case units (code dept.xx). */
  bureaus: { code: string; name: string; caseUnitId: number }[];
  /** The streets to staff, each with the communities to staff (a community's grids all get their worker). */
  streets: OrgStreet[];
};

export type DepartmentKind = "command" | "office" | "section" | "grid_office" | "bureau";

export type DepartmentDraft = {
  code: string;
  name: string;
  kind: DepartmentKind;
  level: number;
  parentCode: string | null;
  regionId: number;
  caseUnitId: number | null;
  sortOrder: number;
};

export type JobDraft = {
  department: string;
  position: PositionCode;
  rank: number;
  from: string;
  to: string | null;
  reason: "hire" | "promotion";
};

export type PostDraft = { regionId: number; role: GridRole; from: string; to: string | null };

export type StaffDraft = {
  name: string;
  /** Address code of the place of registration (identity number): around Beijing, never the district's own code. */
  birthplace: string;
  gender: "M" | "F";
  birthDate: string;
  phone: string;
  hireDate: string;
  leaveDate: string | null;
  /** In date order; the last one is the current department, position and rank (closed when the person left). */
  jobs: JobDraft[];
  posts: PostDraft[];
};

export type OrgPlan = { validFrom: string; departments: DepartmentDraft[]; staff: StaffDraft[] };

const YEAR = 365.25;

/** Department codes: the region's code and a suffix, unique across the district. */
export const departmentCode = {
  command: (districtCode: string) => `${districtCode}.command`,
  commandSection: (districtCode: string, suffix: string) => `${districtCode}.command.${suffix}`,
  bureau: (districtCode: string, unitCode: string) => `${districtCode}.bureau.${unitCode.replace(/^dept\./, "")}`,
  street: (streetCode: string) => `${streetCode}.office`,
  streetOffice: (streetCode: string, suffix: string) => `${streetCode}.${suffix}`,
  station: (communityCode: string) => `${communityCode}.station`,
};

/** Generates the organisation; see the header comment. */
export function planOrganisation(input: OrgInput): OrgPlan {
  const { seed, today, district } = input;
  const day = (offset: number) => addDays(today, offset);
  const departments: DepartmentDraft[] = [];
  const staff: StaffDraft[] = [];
  // Residents carry the district's own code; leaving it out keeps staff and resident numbers apart.
  const birthplaces = STAFF_ADDRESS_CODES.filter((c) => c !== district.code);

  /** A person of age lo–hi today; hire (days before today) is kept after their 21st birthday. */
  const person = (rng: Rng, ageLo: number, ageHi: number, maleShare: number) => {
    const gender: "M" | "F" = rng.chance(maleShare) ? "M" : "F";
    const born = -Math.round(rng.range(ageLo, ageHi + 1) * YEAR);
    const birthDate = day(born);
    const name = pickSurname(rng) + pickGivenName(rng, gender, Number(birthDate.slice(0, 4)));
    const earliestHire = born + Math.ceil(21 * YEAR);
    return { gender, birthDate, name, phone: mobilePhone(rng), birthplace: rng.pick(birthplaces), earliestHire };
  };
  const hireWithin = (rng: Rng, earliest: number, yearsLo: number, yearsHi: number) =>
    Math.min(-30, Math.max(earliest, -Math.round(rng.range(yearsLo, yearsHi) * YEAR)));

  /** Jobs in one department from `hire` to today: the rank rises every few years, the last step may change the position. */
  const career = (
    rng: Rng,
    hire: number,
    department: string,
    position: PositionCode,
    finalRank: number,
    before?: PositionCode,
  ) => {
    const span = -hire;
    // A rank step every three years or so; a lead's change of position needs a year in the first one.
    const n = Math.max(Math.min(finalRank - 1, Math.floor(span / 1100)), before && span >= 400 ? 1 : 0);
    const starts = [hire];
    for (let k = 1; k <= n; k++) {
      const at = hire + Math.round((span * k) / (n + 1) + rng.range(-0.2, 0.2) * (span / (n + 1)));
      starts.push(Math.min(-1 - (n - k), Math.max(starts[k - 1] + 30, at)));
    }
    return starts.map((from, k): JobDraft => ({
      department,
      position: before && k < n ? before : position,
      rank: Math.max(1, finalRank - (n - k)),
      from: day(from),
      to: k < n ? day(starts[k + 1]) : null,
      reason: k === 0 ? "hire" : "promotion",
    }));
  };

  /** The people of an office: each seat's count, ages and careers. */
  const fillSeats = (rng: Rng, department: string, seats: Seat[]) => {
    for (const seat of seats) {
      const count = rng.int(seat.count[0], seat.count[1]);
      for (let i = 0; i < count; i++) {
        const lead = seat.before !== undefined;
        const p = person(rng, lead ? 38 : 25, lead ? 56 : 50, 0.5);
        const hire = hireWithin(rng, p.earliestHire, lead ? 6 : 0.3, lead ? 24 : 14);
        const finalRank = rng.int(seat.rank[0], seat.rank[1]);
        const jobs = career(rng, hire, department, seat.position, finalRank, seat.before);
        staff.push({ ...pick(p), hireDate: day(hire), leaveDate: null, jobs, posts: [] });
      }
    }
  };

  // The district: the command centre, its sections, the bureaus' liaison offices.
  const command = departmentCode.command(district.code);
  const validFrom = day(-Math.round(26 * YEAR));
  const dept = (d: Omit<DepartmentDraft, "sortOrder">) => departments.push({ ...d, sortOrder: departments.length });
  dept({
    code: command,
    name: `${district.name}指挥中心`,
    kind: "command",
    level: 0,
    parentCode: null,
    regionId: district.id,
    caseUnitId: null,
  });
  const districtRng = rngFor(seed, district.code, "org");
  fillSeats(districtRng, command, COMMAND_SEATS);
  for (const section of COMMAND_SECTIONS) {
    const code = departmentCode.commandSection(district.code, section.suffix);
    dept({ code, name: section.name, kind: "section", level: 0, parentCode: command, regionId: district.id, caseUnitId: null });
    fillSeats(districtRng, code, section.seats);
  }
  for (const bureau of input.bureaus) {
    const code = departmentCode.bureau(district.code, bureau.code);
    dept({
      code,
      name: bureau.name,
      kind: "bureau",
      level: 0,
      parentCode: command,
      regionId: district.id,
      caseUnitId: bureau.caseUnitId,
    });
    fillSeats(rngFor(seed, district.code, bureau.code, "org"), code, BUREAU_SEATS);
  }

  for (const street of input.streets) {
    const office = departmentCode.street(street.code);
    dept({
      code: office,
      name: street.kind === "street" ? `${street.name}办事处` : `${street.name}人民政府`,
      kind: "office",
      level: 1,
      parentCode: command,
      regionId: street.id,
      caseUnitId: street.caseUnitId,
    });
    const streetRng = rngFor(seed, street.code, "org");
    fillSeats(streetRng, office, STREET_SEATS);
    for (const o of STREET_OFFICES) {
      const code = departmentCode.streetOffice(street.code, o.suffix);
      dept({ code, name: o.name, kind: o.kind, level: 1, parentCode: office, regionId: street.id, caseUnitId: null });
      fillSeats(streetRng, code, o.seats);
    }
    for (const community of street.communities) {
      const station = departmentCode.station(community.code);
      dept({
        code: station,
        name: `${community.name}工作站`,
        kind: "grid_office",
        level: 2,
        parentCode: office,
        regionId: community.id,
        caseUnitId: community.caseUnitId,
      });
      staffCommunity(rngFor(seed, community.code, "org"), community, station);
    }
  }

  /** The grid staff of one community: heads, a 专职网格员 per grid, 兼职网格员, and the predecessors of some. */
  function staffCommunity(rng: Rng, community: OrgCommunity, station: string) {
    const village = community.kind === "village";
    const historyUsed = new Set<number>();
    const takeover = new Map<number, number>();

    /** A head posted on `areas`; promoted from the 专职网格员 post of a free grid among `grids`, or hired as head. */
    const head = (areas: number[], grids: OrgRegion[], position: PositionCode, ranks: [number, number], promoteShare: number) => {
      const p = person(rng, 32, 55, village ? 0.6 : 0.4);
      const finalRank = rng.int(ranks[0], ranks[1]);
      const from = grids.find((g) => !historyUsed.has(g.id));
      if (from && rng.chance(promoteShare)) {
        const hire = hireWithin(rng, p.earliestHire, 4, 14);
        const promoted = Math.min(-120, hire + Math.round(rng.range(1.5, 5) * YEAR));
        if (promoted > hire + 180) {
          historyUsed.add(from.id);
          takeover.set(from.id, promoted);
          staff.push({
            ...pick(p),
            hireDate: day(hire),
            leaveDate: null,
            jobs: [
              {
                department: station,
                position: "full_time_grid_worker",
                rank: Math.max(1, finalRank - 2),
                from: day(hire),
                to: day(promoted),
                reason: "hire",
              },
              { department: station, position, rank: finalRank, from: day(promoted), to: null, reason: "promotion" },
            ],
            posts: [
              { regionId: from.id, role: "full_time", from: day(hire), to: day(promoted) },
              ...areas.map((regionId) => ({ regionId, role: "grid_head" as const, from: day(promoted), to: null })),
            ],
          });
          return;
        }
      }
      const hire = hireWithin(rng, p.earliestHire, 1, 12);
      staff.push({
        ...pick(p),
        hireDate: day(hire),
        leaveDate: null,
        jobs: career(rng, hire, station, position, finalRank),
        posts: areas.map((regionId) => ({ regionId, role: "grid_head" as const, from: day(hire), to: null })),
      });
    };

    const allGrids = community.xiaoqus.flatMap((x) => x.grids);
    // The community's 网格长 (a village's also heads its first 片区).
    head(
      village && community.xiaoqus.length ? [community.id, community.xiaoqus[0].id] : [community.id],
      allGrids,
      "community_grid_head",
      [4, 5],
      0.6,
    );
    community.xiaoqus.forEach((x, i) => {
      if (village && i === 0) return;
      head([x.id], x.grids, "xiaoqu_grid_head", [3, 4], 0.5);
    });

    for (const g of allGrids) {
      // A worker who left; the grid's present worker was hired the day they left.
      if (!historyUsed.has(g.id) && rng.chance(village ? 0.03 : 0.05)) {
        const p = person(rng, 26, 52, 0.35);
        const left = -rng.int(20, 700);
        const hire = Math.min(left - 200, Math.max(p.earliestHire, left - Math.round(rng.range(1, 6) * YEAR)));
        historyUsed.add(g.id);
        takeover.set(g.id, left);
        staff.push({
          ...pick(p),
          hireDate: day(hire),
          leaveDate: day(left),
          jobs: [
            { department: station, position: "full_time_grid_worker", rank: 1, from: day(hire), to: day(left), reason: "hire" },
          ],
          posts: [{ regionId: g.id, role: "full_time", from: day(hire), to: day(left) }],
        });
      }
      // The 专职网格员.
      const p = person(rng, 24, 50, 0.35);
      const hire = takeover.get(g.id) ?? hireWithin(rng, p.earliestHire, 0.1, 10);
      const years = -hire / YEAR;
      const finalRank = years >= 7 ? 3 : years >= 3 ? 2 : 1;
      staff.push({
        ...pick(p),
        hireDate: day(hire),
        leaveDate: null,
        jobs: career(rng, hire, station, "full_time_grid_worker", finalRank),
        posts: [{ regionId: g.id, role: "full_time", from: day(hire), to: null }],
      });
      // A 兼职网格员 (volunteers from the building committees; more in villages).
      if (rng.chance(village ? 0.2 : 0.08)) {
        const q = person(rng, 30, 62, 0.45);
        const from = hireWithin(rng, q.earliestHire, 0.1, 4);
        staff.push({
          ...pick(q),
          hireDate: day(from),
          leaveDate: null,
          jobs: [{ department: station, position: "part_time_grid_worker", rank: 1, from: day(from), to: null, reason: "hire" }],
          posts: [{ regionId: g.id, role: "part_time", from: day(from), to: null }],
        });
      }
    }
  }

  return { validFrom, departments, staff };
}

function pick(p: { name: string; gender: "M" | "F"; birthDate: string; phone: string; birthplace: string }) {
  return { name: p.name, gender: p.gender, birthDate: p.birthDate, phone: p.phone, birthplace: p.birthplace };
}

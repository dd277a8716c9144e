/**
 * Composes the cases of one basic grid: how many (hotspots), who reports them and where (a building, a
 * shop, the open street), what about (category mix and season), when (rhythm), who handles them (routing
 * rules, the ladder's offices, departments) and how their life went (cases-lifecycle.ts). Pure given the
 * context read from the database; streams nothing itself.
 */
import type { CaseSource } from "../../lib/case/case-dto";
import type { CaseLevel } from "../../lib/case/case-states";
import { assessRisk, LEC_CONSEQUENCE, LEC_EXPOSURE, LEC_LIKELIHOOD } from "../../lib/case/risk";
import type { CaseUrgency } from "../../lib/case/time-limits";
import { localDateKey } from "../../lib/case/working-calendar";
import { maskPhone } from "../../lib/pii/mask";
import {
  CATEGORY_SPECS,
  DEFAULT_SOURCE_AFFINITY,
  HOTLINE_TOPICS,
  SOURCE_PLACES,
  SOURCE_SHARES,
  type CategorySpec,
  type HotlineTopic,
  type Place,
} from "./cases-catalog";
import type { BuildingRow, CaseSeedContext, CategoryRow, GridRow, ShopRow } from "./cases-context";
import {
  personId,
  simulateCase,
  type Actor,
  type CaseOutcome,
  type LifecycleInput,
  type LifecycleRules,
} from "./cases-lifecycle";
import { gridArea, pointEwkt, pointInGrid, pointNear, toMetres, type GridArea } from "./cases-place";
import type { CaseFacts } from "./cases-rows";
import { pickReportInstant, type YearWindow } from "./cases-rhythm";
import { copyBytea } from "./copy";
import { makeFrame, type Frame, type Pt } from "./geometry";
import { pickGivenName, pickSurname } from "./names";
import { mobilePhone } from "./people";
import { rngFor, weightedPicker, type Rng } from "./random";

/**
 * Cases a year per household at factor 1: about a million for Tongzhou at full scale (~791 thousand
 * households), a hundred thousand at medium. The scale is carried by the households loaded.
 */
export const CASES_PER_HOUSEHOLD_YEAR = 1.264;
/** A shop (market stall, shopfront) draws as many cases as this many households: markets are hotspots. */
export const CASES_PER_SHOP_AS_HOUSEHOLDS = 12;

/**
 * Relative case volume of a grid: its households, more in old estates (walk-up buildings of six floors or
 * fewer: ageing pipes, no property management) and in villages in transition (城中村: villages of a street
 * office, or of a town that also has urban communities), more where many people are floating, plus its
 * shops as market hotspots.
 */
export function gridWeight(grid: GridRow, buildings: readonly BuildingRow[], shops: number, townWithUrban: boolean): number {
  if (grid.households <= 0) return 0;
  let place = 1;
  if (grid.communityKind === "urban") {
    const walkups = buildings.filter((b) => b.floors <= 6).length;
    place = 1 + 0.8 * (buildings.length ? walkups / buildings.length : 0);
  } else {
    place = grid.streetKind === "street" ? 1.7 : townWithUrban ? 1.3 : 1;
  }
  const floatingShare = grid.residents > 0 ? grid.floating / grid.residents : 0;
  return grid.households * place * (0.85 + floatingShare) + shops * CASES_PER_SHOP_AS_HOUSEHOLDS;
}

/** Cases per grid (same order as ctx.grids): the year's total shared by weight, rounded stochastically. */
export function planGridVolumes(ctx: CaseSeedContext, factor: number, seed: number, days = 365): number[] {
  const townsWithUrban = new Set(ctx.grids.filter((g) => g.communityKind === "urban").map((g) => g.streetId));
  const weights = ctx.grids.map((g) =>
    gridWeight(g, ctx.buildings.get(g.id) ?? [], ctx.shops.get(g.id)?.length ?? 0, townsWithUrban.has(g.streetId)),
  );
  const households = ctx.grids.reduce((a, g) => a + Math.max(0, g.households), 0);
  const total = households * CASES_PER_HOUSEHOLD_YEAR * factor * (days / 365);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const rng = rngFor(seed, "case-volumes");
  return weights.map((w) => {
    const x = (total * w) / sum;
    return Math.floor(x) + (rng.next() < x - Math.floor(x) ? 1 : 0);
  });
}

/** A generated case: its facts, its simulated life and what the simulation was given (tests replay it). */
export type ComposedCase = { facts: CaseFacts; outcome: CaseOutcome; input: LifecycleInput };

type Topic = { categoryCode: string; season: CategorySpec["season"]; texts: readonly string[]; done: readonly string[] };

const pickSource = weightedPicker(SOURCE_SHARES);
const pickL = weightedPicker<number>(
  [
    [0.5, 10],
    [1, 30],
    [3, 35],
    [6, 20],
    [10, 5],
  ].filter(([v]) => (LEC_LIKELIHOOD as readonly number[]).includes(v)) as [number, number][],
);
const pickE = weightedPicker<number>(
  [
    [1, 10],
    [2, 25],
    [3, 35],
    [6, 25],
    [10, 5],
  ].filter(([v]) => (LEC_EXPOSURE as readonly number[]).includes(v)) as [number, number][],
);
const pickC = weightedPicker<number>(
  [
    [1, 45],
    [3, 35],
    [7, 15],
    [15, 4],
    [40, 1],
  ].filter(([v]) => (LEC_CONSEQUENCE as readonly number[]).includes(v)) as [number, number][],
);

/** District departments that take a district-level case no rule covers, by category group. */
const FALLBACK_DEPARTMENT: Readonly<Record<string, string>> = {
  dispute: "dept.mz",
  hazard: "dept.ga",
  component: "dept.zj",
  event: "dept.cg",
  hotline: "dept.cg",
};

const STAFF_PER_POOL = 3;

/** Everything shared by the grids of one run. */
export type ComposerOptions = { seed: number; window: YearWindow; rules: LifecycleRules };

export function createCaseComposer(ctx: CaseSeedContext, options: ComposerOptions, protect: (phone: string) => Buffer) {
  const { seed, window, rules } = options;
  const frame: Frame = makeFrame(ctx.district.lon, ctx.district.lat);
  const categoryByCode = new Map(ctx.categories.map((c) => [c.code, c]));
  const unitById = new Map(ctx.units.map((u) => [u.id, u]));
  const unitByCode = new Map(ctx.units.map((u) => [u.code, u]));
  const stationOf = new Map(ctx.units.filter((u) => u.kind === "community_station").map((u) => [u.regionId, u.id]));
  const officeOf = new Map(ctx.units.filter((u) => u.kind === "street_office").map((u) => [u.regionId, u.id]));
  const departments = ctx.units.filter((u) => u.kind === "department");
  const specs = CATEGORY_SPECS.filter((s) => categoryByCode.has(s.code));
  const topics = HOTLINE_TOPICS.filter((t) => categoryByCode.has(`hotline.${t.kind}`));

  // Category pickers per (source, place, village?), built on first use.
  const pickers = new Map<string, ((rng: Rng) => Topic) | null>();
  function topicPicker(source: CaseSource, place: Place, village: boolean): ((rng: Rng) => Topic) | null {
    const key = `${source}|${place}|${village}`;
    if (pickers.has(key)) return pickers.get(key)!;
    let entries: [Topic, number][];
    if (source === "hotline") {
      entries = topics.map((t: HotlineTopic) => [
        { categoryCode: `hotline.${t.kind}`, season: t.season, texts: t.texts, done: t.done },
        t.weight * (t.where[place] ?? 0),
      ]);
    } else {
      entries = specs.map((s) => {
        const affinity = s.sources?.[source] ?? DEFAULT_SOURCE_AFFINITY[source];
        const kind = village ? (s.village ?? 1) : (s.urban ?? 1);
        return [
          { categoryCode: s.code, season: s.season, texts: s.texts, done: s.done },
          (s.where[place] ?? 0) * affinity * kind,
        ];
      });
    }
    entries = entries.filter(([, w]) => w > 0);
    const picker = entries.length ? weightedPicker(entries) : null;
    pickers.set(key, picker);
    return picker;
  }

  // Staff names: small fixed pools per unit and role, the same names all year.
  const pools = new Map<string, string[]>();
  function pool(key: string, size = STAFF_PER_POOL): string[] {
    let names = pools.get(key);
    if (!names) {
      const rng = rngFor(seed, "case-staff", key);
      // Distinct names: a pool's members are different people (the rules tell people apart by their account,
      // and a grid's second worker must be able to verify what the first reported).
      const drawn = new Set<string>();
      for (let attempt = 0; drawn.size < size && attempt < size * 20; attempt++) drawn.add(personName(rng));
      names = [...drawn];
      pools.set(key, names);
    }
    return names;
  }

  const routingFor = (categoryId: number, parentId: number | null, path: string) => {
    const ids = parentId === null ? [categoryId] : [categoryId, parentId];
    // Deepest region first (ctx.routing is sorted by depth); the category's own rule beats its parent's.
    let best: (typeof ctx.routing)[number] | null = null;
    for (const r of ctx.routing) {
      if (!ids.includes(r.categoryId) || !(path === r.regionPath || path.startsWith(r.regionPath + "."))) continue;
      if (
        !best ||
        r.regionPath.length > best.regionPath.length ||
        (r.regionPath.length === best.regionPath.length && r.categoryId === categoryId)
      )
        best = r;
    }
    return best ? { leadUnitId: best.leadUnitId, coUnitIds: best.coUnitIds, auto: best.auto } : null;
  };

  /** The cases of one grid, ids from `firstId` on. */
  return function composeGrid(grid: GridRow, count: number, firstId: number): ComposedCase[] {
    if (count <= 0) return [];
    const rng = rngFor(seed, grid.code, "cases");
    const area: GridArea = gridArea(frame, grid.polygon, grid.inside);
    const buildings = ctx.buildings.get(grid.id) ?? [];
    const shops = ctx.shops.get(grid.id) ?? [];
    const pickBuilding = buildings.length ? weightedPicker(buildings.map((b) => [b, Math.max(1, b.rooms)] as const)) : null;
    const village = grid.communityKind === "village";
    const station = stationOf.get(grid.communityId) ?? null;
    const office = officeOf.get(grid.streetId) ?? null;
    const workersKey = `grid:${grid.code}`;
    const workers = pool(workersKey, 2);
    const gridWorkers: Actor[] = workers.map((name) => person(workersKey, name, station));
    const placeWeights = (source: CaseSource) =>
      (Object.entries(SOURCE_PLACES[source]) as [Place, number][])
        .map(
          ([p, w]) =>
            [
              p,
              p === "shop"
                ? shops.length
                  ? w * Math.min(3, 1 + shops.length / 4)
                  : 0
                : p === "building" && !pickBuilding
                  ? 0
                  : w,
            ] as [Place, number],
        )
        .filter(([, w]) => w > 0);

    // Staff picks during a case's life draw from the case's own stream, so what a grid's cases are about
    // (drawn from `rng`) does not depend on how far their lives got by `now`.
    let lifeRng: Rng = rng;
    const officeUnit = (level: CaseLevel): number | null =>
      level === "grid" || level === "community" ? station : level === "street" ? office : null;
    const officeStaff = (level: CaseLevel, role: string): Actor => {
      const unitId = officeUnit(level);
      const key = unitId === null ? `district:${role}` : level === "grid" ? `${unitId}:grid:${role}` : `${unitId}:${role}`;
      return person(key, lifeRng.pick(pool(key)), unitId);
    };
    const unitStaff = (unitId: number): Actor => person(`${unitId}:handler`, lifeRng.pick(pool(`${unitId}:handler`)), unitId);
    const unitName = (unitId: number) => unitById.get(unitId)?.name ?? String(unitId);

    const out: ComposedCase[] = [];
    for (let i = 0; i < count; i++) {
      const id = firstId + i;
      const source = pickSource(rng);
      const places = placeWeights(source);
      let place: Place = places.length ? weightedPicker(places)(rng) : "open";
      let picker = topicPicker(source, place, village);
      if (!picker) {
        place = "open";
        picker = topicPicker(source, place, village) ?? topicPicker("grid_worker", "open", village)!;
      }
      const topic = picker(rng);
      const category = categoryByCode.get(topic.categoryCode)!;
      const reportedAt = pickReportInstant(rng, window, source, topic.season);

      // Where, and the words for it.
      let point: Pt;
      let placeLabel: string;
      let address: string;
      let shopName = "";
      if (place === "shop") {
        const shop: ShopRow = rng.pick(shops);
        point = pointNear(area, rng, toMetres(frame, shop.lon, shop.lat), 8);
        shopName = shop.name;
        placeLabel = shortAddress(shop.address, ctx.district.name, grid.streetName);
        address = shop.address;
      } else if (place === "building" && pickBuilding) {
        const b = pickBuilding(rng);
        point = pointNear(area, rng, toMetres(frame, b.lon, b.lat), 18);
        placeLabel = shortAddress(b.address, ctx.district.name, grid.streetName);
        address = b.address;
      } else {
        point = pointInGrid(area, rng);
        const ref = pickBuilding?.(rng);
        placeLabel = ref ? shortAddress(ref.address, ctx.district.name, grid.streetName) : grid.name;
        address = ref ? `${ref.address}附近` : `${ctx.district.name}${grid.streetName}${grid.communityName}${grid.name}`;
      }
      const description = rng
        .pick(topic.texts)
        .replaceAll("{place}", placeLabel)
        .replaceAll("{shop}", shopName || placeLabel);

      const level = category.defaultLevel;
      const urgency = pickUrgency(rng, category, source);
      const localDay = localDateKey(reportedAt, rules.calendar).replaceAll("-", "");
      const number = `SJ${localDay}${String(id % 10_000_000).padStart(7, "0")}`;

      // Who reported it.
      let reporter: Actor;
      let reporterName: string | null;
      let phone: string | null = null;
      if (source === "grid_worker") {
        reporter = person(workersKey, rng.pick(workers), station);
        reporterName = reporter.name;
      } else if (source === "hotline") {
        reporter = { name: "12345市民服务热线", unitId: null };
        reporterName = `${pickSurname(rng)}${rng.chance(0.5) ? "先生" : "女士"}`;
        phone = mobilePhone(rng);
      } else if (source === "resident") {
        reporterName = personName(rng);
        reporter = { name: reporterName, unitId: null };
        phone = mobilePhone(rng);
      } else if (source === "department") {
        const dept = departments.length ? rng.pick(departments).id : station;
        reporter =
          dept !== null
            ? person(`${dept}:inspector`, rng.pick(pool(`${dept}:inspector`)), dept)
            : { name: personName(rng), unitId: null };
        reporterName = reporter.name;
      } else if (source === "visit") {
        reporter =
          station !== null
            ? person(`${station}:visit`, rng.pick(pool(`${station}:visit`)), station)
            : person(workersKey, rng.pick(workers), null);
        reporterName = reporter.name;
      } else {
        reporter = person("district:video", rng.pick(pool("district:video")), null);
        reporterName = reporter.name;
      }

      const risk = category.riskAssessed ? riskOf(rng, ctx) : null;
      const routing = routingFor(category.id, category.parentId, grid.path);
      const localUnitOf = (at: CaseLevel): number => {
        const own = officeUnit(at);
        if (own !== null) return own;
        // The district's 12345 desk sends hotline orders back to the street office of the place (属地).
        if (category.grp === "hotline" && office !== null) return office;
        const dept = unitByCode.get(FALLBACK_DEPARTMENT[category.grp] ?? "dept.cg") ?? departments[0];
        return dept?.id ?? office ?? station!;
      };
      lifeRng = rngFor(seed, grid.code, "life", i);
      const doneNote = lifeRng.pick(topic.done);
      const input: LifecycleInput = {
        reportedAt,
        level,
        urgency,
        source,
        categoryId: category.id,
        parentCategoryId: category.parentId,
        routing,
        localUnitOf,
        unitName,
        officeStaff,
        unitStaff,
        reporter,
        gridWorkers,
        visitor:
          source === "hotline"
            ? person("district:return-visit", lifeRng.pick(pool("district:return-visit")), null)
            : officeStaff(level, "visitor"),
        doneNote,
        risk,
      };
      const outcome = simulateCase(rules, input, lifeRng);
      out.push({
        facts: {
          id,
          number,
          districtCode: grid.districtCode,
          source,
          kind: category.kind,
          categoryId: category.id,
          description,
          address,
          geom: pointEwkt(frame, point),
          gridId: grid.id,
          regionPath: grid.path,
          reporterName,
          reporterPhoneCipher: phone ? copyBytea(protect(phone)) : null,
          reporterPhoneMasked: phone ? maskPhone(phone) : null,
          externalSystem: source === "hotline" ? "12345" : null,
          externalId: source === "hotline" ? `12345-${localDay}${String(id % 10_000_000).padStart(7, "0")}` : null,
          urgency,
          reportedAt: reportedAt.getTime(),
          risk,
          emergencyPlan: risk?.grade === "major" ? emergencyPlanOf(rng, category.grp) : null,
        },
        outcome,
        input,
      });
    }
    return out;
  };
}

/** A member of a staff pool: the pool's key and the name make the person (personId). */
function person(poolKey: string, name: string, unitId: number | null): Actor {
  return { name, unitId, id: personId(`${poolKey}:${name}`) };
}

/** A person's name from the generator's word lists (working age). */
function personName(rng: Rng): string {
  const gender = rng.chance(0.5) ? "M" : "F";
  return pickSurname(rng) + pickGivenName(rng, gender, rng.int(1965, 2000));
}

/** The address without the district and street prefix ("悟仙观小区3号楼", "中辛庄村12号"). */
export function shortAddress(address: string, districtName: string, streetName: string): string {
  let s = address;
  if (s.startsWith(districtName)) s = s.slice(districtName.length);
  if (s.startsWith(streetName)) s = s.slice(streetName.length);
  return s || address;
}

/** The category's usual urgency; some general matters are urgent (a water outage, a blocked fire lane). */
function pickUrgency(rng: Rng, category: CategoryRow, source: CaseSource): CaseUrgency {
  const base = category.defaultUrgency as CaseUrgency;
  if (base === "general" && rng.chance(source === "hotline" ? 0.06 : 0.04)) return "urgent";
  if (base === "general" && category.grp === "dispute" && rng.chance(0.05)) return "complex";
  return base;
}

/** The 应急预案 a 重大 risk carries (a few outlines an office writes, by the kind of risk). */
const EMERGENCY_PLANS: Readonly<Record<string, readonly string[]>> = {
  dispute: [
    "一、成立由街道综治中心牵头、社区和派出所参与的化解专班；二、24小时内约谈双方当事人，稳定情绪；三、安排人民调解员驻点调解，必要时引入律师；四、出现聚集或过激苗头时立即报告区综治中心并请派出所到场处置。",
    "一、社区网格员每日走访当事人，掌握动态；二、街道司法所组织调解，3日内形成调解方案；三、涉及欠薪的协调劳动监察部门介入；四、如矛盾升级，启动街道维稳应急响应并上报区级。",
  ],
  hazard: [
    "一、立即设置警戒区域，疏散周边群众；二、通知责任单位和行业主管部门到场处置；三、消防、燃气、电力等专业力量就近待命；四、每2小时报告一次处置进展，隐患消除前安排专人值守。",
    "一、街道应急办牵头，社区组织人员现场看护；二、通知产权单位24小时内完成排险；三、准备临时安置点和应急物资；四、险情扩大时立即报告区应急管理局并启动区级预案。",
  ],
};

function emergencyPlanOf(rng: Rng, grp: string): string {
  return rng.pick(EMERGENCY_PLANS[grp] ?? EMERGENCY_PLANS.hazard);
}

function riskOf(rng: Rng, ctx: CaseSeedContext) {
  const l = pickL(rng),
    e = pickE(rng),
    c = pickC(rng);
  const a = assessRisk({ l, e, c, bands: ctx.riskBands });
  return { l, e, c, value: a.d, grade: a.grade };
}

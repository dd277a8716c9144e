/**
 * The region tree's geometry: district outline → streets/towns → communities/villages → basic grids,
 * and 小区 as unions of adjacent grids. TypeScript decides who gets which land (sample points assigned
 * to children); PostGIS draws the polygons (Voronoi cells of the points, merged per child, clipped to the
 * parent), so siblings share exactly the same edges and every level tiles its parent (topology_check).
 *
 * Shapes are built in a local metric frame (SRID 0, metres) inside one transaction's temp tables and
 * converted to WGS-84 with one affine transform when inserted into `region`.
 *
 * What the shapes look like, and why:
 * - street offices (code digits 7–9 in 001–099) cluster around the district's urban core and are small;
 *   towns and townships share the rest and are large;
 * - inside a town its urban communities cluster at the town centre and are small, villages spread around;
 * - areas follow the plan (households / density for urban communities, farmland for villages);
 * - basic grids are evenly spread blocks inside their community (centroidal Voronoi: straight edges);
 * - a 小区 is one to three adjacent grids (villages: the whole village, or 片区 of 2–3 grids).
 */
import type postgres from "postgres";
import type { CommunityKind } from "./divisions";
import { makeFrame, multiPolygonArea, type Frame, type MultiPolygon, type Pt, type Ring } from "./geometry";
import { chineseNumber, pickEstateName } from "./names";
import { makeOutline } from "./outline";
import { assignByPower, kMeans, latticeInside, makeConnected, snapToLattice, type Lattice, type Site } from "./partition";
import type { DistrictPlan } from "./plan";
import { rngFor, type Rng } from "./random";

export type Sql = postgres.Sql | postgres.TransactionSql;

export type GridInfo = {
  id: number;
  code: string;
  name: string;
  kind: CommunityKind;
  /** Full-scale households planned for this grid. */
  households: number;
  streetCode: string;
  streetName: string;
  communityCode: string;
  communityName: string;
  xiaoquCode: string;
  xiaoquName: string;
  /** Polygon in the local metric frame. */
  geom: MultiPolygon;
  /** A point well inside the grid (its Voronoi site): estates and village houses grow around it. */
  site: Pt;
};

export type RegionBuild = { frame: Frame; outline: Ring; grids: GridInfo[]; counts: number[]; corePoint: Pt };

/**
 * Overlays run on a fixed 1 µm precision grid (GEOS snap-rounding). Voronoi cells computed by GEOS share
 * vertices only up to the last bits, which makes floating-point noding fail and GEOS fall back to a
 * precision of its own (millimetres here: slivers of square metres along kilometres of border). Snapped
 * to 1 µm every shared vertex is the same point on both sides, and any residual misfit is far below
 * what topology_check can see.
 */
const GRID = 1e-6;
/** Precision of the final coverage (see rebuildAsCoverage): far above any residual misfit, far below a map's. */
const COVERAGE_GRID = 1e-4;

type Meta = { code: string; name: string; kind: string };
type PointRows = { parent: string[]; child: string[]; x: number[]; y: number[] };

const newPoints = (): PointRows => ({ parent: [], child: [], x: [], y: [] });

/** Lattice spacing giving the smallest child about `perChild` points, with at most `maxPoints` in all. */
function spacingFor(area: number, minShare: number, perChild: number, maxPoints: number): number {
  return Math.min(500, Math.max(Math.sqrt(minShare / perChild), Math.sqrt(area / maxPoints), 25));
}

async function createStaging(tx: Sql) {
  await tx`create temp table seed_area (code text primary key, level int not null, parent text, name text, kind text, geom geometry not null) on commit drop`;
  await tx`create temp table seed_pt (parent text not null, child text not null, geom geometry not null) on commit drop`;
  await tx`create temp table seed_cell (parent text not null, geom geometry not null) on commit drop`;
  // Unions of neighbours whose shared border matches only to floating-point precision can leave
  // nanometre-wide holes; they carry no area but turn invalid once transformed to degrees. Drop them.
  await tx`create or replace function pg_temp.without_slivers(g geometry, min_area float8) returns geometry language sql immutable as $$
             select st_multi(st_collect(array(
               select st_makepolygon(st_exteriorring(d.geom), array(
                        select st_interiorringn(d.geom, i) from generate_series(1, st_numinteriorrings(d.geom)) i
                         where st_area(st_makepolygon(st_interiorringn(d.geom, i))) >= min_area))
                 from st_dump(g) d
                where st_area(d.geom) >= min_area)))
           $$`;
}

/**
 * Children of the level-`parentLevel` areas from sample points: Voronoi cells of each parent's points
 * (extended past the parent), merged per child, clipped to the parent.
 */
async function pointsToChildren(tx: Sql, parentLevel: number, level: number, pts: PointRows) {
  if (pts.child.length === 0) return;
  await tx`truncate seed_pt, seed_cell`;
  await tx`insert into seed_pt (parent, child, geom)
           select parent, child, st_makepoint(x, y)
             from unnest(${pts.parent}::text[], ${pts.child}::text[], ${pts.x}::float8[], ${pts.y}::float8[]) as t(parent, child, x, y)`;
  await tx`create index if not exists seed_pt_geom_idx on seed_pt using gist (geom)`;
  await tx`create index if not exists seed_pt_parent_idx on seed_pt (parent)`;
  await tx`analyze seed_pt`;
  await tx`insert into seed_cell (parent, geom)
           select a.code, d.geom
             from seed_area a
             cross join lateral (select st_collect(p.geom) as g from seed_pt p where p.parent = a.code) pts
             cross join lateral st_dump(st_voronoipolygons(pts.g, 0, st_expand(a.geom, 5000))) d
            where a.level = ${parentLevel} and pts.g is not null`;
  await tx`create index if not exists seed_cell_geom_idx on seed_cell using gist (geom)`;
  await tx`analyze seed_cell`;
  await tx`insert into seed_area (code, level, parent, geom)
           select u.child, ${level}, u.parent, st_multi(st_collectionextract(st_intersection(u.g, a.geom, ${GRID}::float8), 3))
             from (select p.child, p.parent, st_union(c.geom, ${GRID}::float8) as g
                     from seed_pt p join seed_cell c on c.parent = p.parent and c.geom && p.geom and st_intersects(c.geom, p.geom)
                    group by p.child, p.parent) u
             join seed_area a on a.code = u.parent`;
}

/** A parent with a single child: the child is the parent's polygon. */
async function copyToChildren(tx: Sql, level: number, pairs: { parent: string; child: string }[]) {
  if (pairs.length === 0) return;
  await tx`insert into seed_area (code, level, parent, geom)
           select t.child, ${level}, t.parent, a.geom
             from unnest(${pairs.map((p) => p.parent)}::text[], ${pairs.map((p) => p.child)}::text[]) as t(parent, child)
             join seed_area a on a.code = t.parent`;
}

async function fetchPolygons(tx: Sql, level: number): Promise<Map<string, MultiPolygon>> {
  const rows = await tx<
    { code: string; g: string }[]
  >`select code, st_asgeojson(geom, 3) as g from seed_area where level = ${level} order by code`;
  return new Map(rows.map((r) => [r.code, (JSON.parse(r.g) as { coordinates: MultiPolygon }).coordinates]));
}

function centroidOf(lat: Lattice): Pt {
  let sx = 0,
    sy = 0;
  for (let p = 0; p < lat.count; p++) {
    sx += lat.xs[p];
    sy += lat.ys[p];
  }
  return [sx / lat.count, sy / lat.count];
}

/**
 * Adds one parent's partition (sample points → children) to `out`. With a `centre`, the `core` children
 * (small targets: street offices around the urban core, a town's urban communities) share a compact
 * zone around it — the points nearest the centre, with a wavy rim — and the `rest` share the remainder;
 * each group is spread by k-means and balanced by a power diagram.
 */
function partitionParent(
  out: PointRows,
  parentCode: string,
  lat: Lattice,
  rng: Rng,
  centre: Pt | undefined,
  core: { code: string; target: number }[],
  rest: { code: string; target: number }[],
) {
  const all = Array.from({ length: lat.count }, (_, p) => p);
  const groups: { idx: number[]; children: { code: string; target: number }[] }[] = [];
  if (centre && core.length > 0 && rest.length > 0) {
    const total = [...core, ...rest].reduce((a, c) => a + c.target, 0);
    const m = Math.max(core.length * 4, Math.round((core.reduce((a, c) => a + c.target, 0) / total) * lat.count));
    const [p1, p2] = [rng.range(0, 2 * Math.PI), rng.range(0, 2 * Math.PI)];
    const byDistance = all
      .map((p) => {
        const dx = lat.xs[p] - centre[0],
          dy = lat.ys[p] - centre[1];
        const t = Math.atan2(dy, dx);
        return { p, d: Math.hypot(dx, dy) * (1 + 0.18 * Math.sin(3 * t + p1) + 0.1 * Math.sin(5 * t + p2)) };
      })
      .sort((a, b) => a.d - b.d || a.p - b.p);
    groups.push({ idx: byDistance.slice(0, m).map((e) => e.p), children: core });
    groups.push({ idx: byDistance.slice(m).map((e) => e.p), children: rest });
  } else {
    groups.push({ idx: all, children: [...core, ...rest] });
  }
  const codes: string[] = [];
  const assign = new Int32Array(lat.count);
  const sitePoint: number[] = [];
  for (const g of groups) {
    const first = codes.length;
    const points = snapToLattice(lat, g.idx, kMeans(lat, g.idx, g.children.length, rng));
    const sites: Site[] = points.map((p, i) => ({ x: lat.xs[p], y: lat.ys[p], target: g.children[i].target }));
    const local = assignByPower(lat, g.idx, sites);
    g.idx.forEach((p, i) => (assign[p] = first + local[i]));
    codes.push(...g.children.map((c) => c.code));
    sitePoint.push(...points);
  }
  makeConnected(lat, assign, codes.length, sitePoint);
  for (let p = 0; p < lat.count; p++) {
    out.parent.push(parentCode);
    out.child.push(codes[assign[p]]);
    out.x.push(lat.xs[p]);
    out.y.push(lat.ys[p]);
  }
}

/** Lattice inside `mp` dense enough that every child gets points; shrinks the spacing until it does. */
function latticeFor(mp: MultiPolygon, spacing: number, children: number, rng: Rng): Lattice {
  let s = spacing;
  for (;;) {
    const lat = latticeInside(mp, s, rng);
    if (lat.count >= children * 6 || s < 5) return lat;
    s *= 0.7;
  }
}

/**
 * Makes the tree one exact coverage. Clipping a child to its parent adds a vertex where a border between
 * children meets the parent's edge; it lies on that edge only up to rounding, and the neighbouring
 * parent's children do not have it. Such near-but-not-identical borders are harmless in metres but make
 * GEOS's floating-point overlay in degrees (topology_check) fall back to snapping with tolerances of up
 * to 10 cm, which shows up as square-metre gaps and overlaps. So: node all basic-grid borders together
 * (snap-rounded on a 0.1 mm grid), polygonize them into faces, give each face to the grid it lies in,
 * and rebuild every level bottom-up as the union of its children. Every polygon at every level is then
 * a union of faces of one arrangement: neighbours share the very same vertices, parents are exactly the
 * union of their children.
 */
async function rebuildAsCoverage(tx: Sql) {
  await tx`create temp table seed_face on commit drop as
           select row_number() over () as id, d.geom
             from (select st_polygonize(lines) as faces
                     from (select st_unaryunion(st_collect(st_boundary(geom)), ${COVERAGE_GRID}::float8) as lines from seed_area where level = 4) n) p
             cross join lateral st_dump(p.faces) d`;
  await tx`create index on seed_face using gist (geom)`;
  await tx`analyze seed_face`;
  await tx`update seed_area g set geom = u.geom
             from (select code, st_multi(st_union(geom, ${COVERAGE_GRID}::float8)) as geom
                     from (select distinct on (f.id) a.code, f.geom
                             from seed_face f
                             join seed_area a on a.level = 4 and a.geom && f.geom and st_intersects(a.geom, st_pointonsurface(f.geom))
                            order by f.id, st_area(st_intersection(a.geom, f.geom)) desc, a.code) x
                    group by code) u
            where g.code = u.code`;
  for (let level = 4; level >= 1; level--) {
    await tx`update seed_area p set geom = u.geom
               from (select parent, pg_temp.without_slivers(st_union(geom, ${COVERAGE_GRID}::float8), 0.01) as geom
                       from seed_area where level = ${level} group by parent) u
              where p.code = u.parent`;
  }
}

/** Builds the whole region tree into `region` (levels 0–4) and returns the basic grids for the population. */
export async function buildRegions(tx: Sql, plan: DistrictPlan, seed: number): Promise<RegionBuild> {
  const frame = makeFrame(plan.location.lon, plan.location.lat);
  const outline = makeOutline(rngFor(seed, plan.code, "outline"), plan.areaKm2 * 1e6, plan.location.aspect);
  const meta: Meta[] = [{ code: plan.code, name: plan.name, kind: "district" }];
  await createStaging(tx);
  const ring = outline
    .concat([outline[0]])
    .map(([x, y]) => `${x} ${y}`)
    .join(",");
  await tx`insert into seed_area (code, level, parent, geom) values (${plan.code}, 0, null, st_multi(st_geomfromtext(${`POLYGON((${ring}))`}, 0)))`;

  // Level 1: streets around the urban core, towns around them.
  const radius = Math.sqrt((plan.areaKm2 * 1e6) / Math.PI);
  const corePoint: Pt = [
    (plan.location.core.x * radius) / Math.sqrt(plan.location.aspect),
    plan.location.core.y * radius * Math.sqrt(plan.location.aspect),
  ];
  {
    const area = plan.areaKm2 * 1e6;
    const shares = plan.streets.map((s) => s.areaKm2);
    const minShare = (Math.min(...shares) / shares.reduce((a, b) => a + b, 0)) * area;
    const lat = latticeFor(
      [[outline]],
      spacingFor(area, minShare, 14, 6000),
      plan.streets.length,
      rngFor(seed, plan.code, "lattice"),
    );
    const pts = newPoints();
    const core = plan.streets.filter((s) => s.kind === "street").map((s) => ({ code: s.code, target: s.areaKm2 }));
    const rest = plan.streets.filter((s) => s.kind !== "street").map((s) => ({ code: s.code, target: s.areaKm2 }));
    if (plan.streets.length === 1) await copyToChildren(tx, 1, [{ parent: plan.code, child: plan.streets[0].code }]);
    else partitionParent(pts, plan.code, lat, rngFor(seed, plan.code, "sites"), corePoint, core, rest);
    await pointsToChildren(tx, 0, 1, pts);
    for (const s of plan.streets) meta.push({ code: s.code, name: s.name, kind: s.kind });
  }

  // Level 2: communities inside each street; in towns the urban communities cluster at the centre.
  {
    const polys = await fetchPolygons(tx, 1);
    const pts = newPoints();
    const copies: { parent: string; child: string }[] = [];
    for (const s of plan.streets) {
      for (const c of s.communities) meta.push({ code: c.code, name: c.name, kind: c.kind });
      if (s.communities.length === 0) continue;
      if (s.communities.length === 1) {
        copies.push({ parent: s.code, child: s.communities[0].code });
        continue;
      }
      const mp = polys.get(s.code)!;
      const area = multiPolygonArea(mp);
      const total = s.communities.reduce((a, c) => a + c.areaKm2, 0);
      const minShare = (Math.min(...s.communities.map((c) => c.areaKm2)) / total) * area;
      const rng = rngFor(seed, s.code, "lattice");
      const lat = latticeFor(mp, spacingFor(area, minShare, 12, 5000), s.communities.length, rng);
      const urban = s.communities.filter((c) => c.kind === "urban").map((c) => ({ code: c.code, target: c.areaKm2 }));
      const villages = s.communities.filter((c) => c.kind === "village").map((c) => ({ code: c.code, target: c.areaKm2 }));
      const clustered = urban.length > 0 && villages.length > 0;
      partitionParent(
        pts,
        s.code,
        lat,
        rngFor(seed, s.code, "sites"),
        clustered ? centroidOf(lat) : undefined,
        clustered ? urban : [],
        clustered ? villages : [...urban, ...villages],
      );
    }
    await copyToChildren(tx, 2, copies);
    await pointsToChildren(tx, 1, 2, pts);
  }

  // Level 4 (provisional codes): basic grids as centroidal Voronoi blocks inside each community.
  const sitesByTmp = new Map<string, Pt>();
  const gridOrder = new Map<string, string[]>();
  {
    const polys = await fetchPolygons(tx, 2);
    const pts = newPoints();
    const copies: { parent: string; child: string }[] = [];
    for (const s of plan.streets) {
      for (const c of s.communities) {
        const mp = polys.get(c.code);
        if (!mp) continue;
        const g = c.gridHouseholds.length;
        const rng = rngFor(seed, c.code, "grids");
        const lat = latticeFor(mp, Math.sqrt(multiPolygonArea(mp) / (g * 40)), g, rng);
        const all = Array.from({ length: lat.count }, (_, p) => p);
        const sitePoints =
          g === 1 ? snapToLattice(lat, all, [centroidOf(lat)]) : snapToLattice(lat, all, kMeans(lat, all, g, rng, 15));
        // Number grids north to south, then west to east, as a map reader would.
        const sites = sitePoints.map((p) => [lat.xs[p], lat.ys[p]] as Pt).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
        const tmps = sites.map((site, n) => {
          const tmp = `${c.code}#${String(n).padStart(3, "0")}`;
          sitesByTmp.set(tmp, site);
          return tmp;
        });
        gridOrder.set(c.code, tmps);
        if (g === 1) copies.push({ parent: c.code, child: tmps[0] });
        else
          sites.forEach((site, n) => {
            pts.parent.push(c.code);
            pts.child.push(tmps[n]);
            pts.x.push(site[0]);
            pts.y.push(site[1]);
          });
      }
    }
    await copyToChildren(tx, 4, copies);
    await pointsToChildren(tx, 2, 4, pts);
  }

  // Level 3: 小区 = groups of adjacent grids; then the final grid codes (小区 code + 3 digits).
  const gridMeta = new Map<
    string,
    { code: string; parent: string; name: string; kind: string; xiaoquName: string; households: number; community: string }
  >();
  {
    const pairs = await tx<{ a: string; b: string }[]>`
      select a.code as a, b.code as b
        from seed_area a join seed_area b on b.parent = a.parent and a.code < b.code and a.geom && b.geom
       where a.level = 4 and b.level = 4
         and st_length(st_intersection(st_boundary(a.geom), st_boundary(b.geom))) > 15`;
    const adjacent = new Map<string, Set<string>>();
    for (const { a, b } of pairs) {
      if (!adjacent.has(a)) adjacent.set(a, new Set());
      if (!adjacent.has(b)) adjacent.set(b, new Set());
      adjacent.get(a)!.add(b);
      adjacent.get(b)!.add(a);
    }
    const xiaoqu: { code: string; parent: string; name: string; kind: string }[] = [];
    const updates = { tmp: [] as string[], code: [] as string[], parent: [] as string[] };
    for (const s of plan.streets) {
      for (const c of s.communities) {
        const tmps = gridOrder.get(c.code);
        if (!tmps) continue;
        const rng = rngFor(seed, c.code, "xiaoqu");
        const groups = groupAdjacent(tmps, adjacent, sitesByTmp, rng, c.kind);
        const used = new Set<string>();
        let gridNumber = 0;
        groups.forEach((group, gi) => {
          const xcode = `${c.code}${String(gi + 1).padStart(3, "0")}`;
          const xname =
            c.kind === "urban"
              ? pickEstateName(rng, c.name, gi, used)
              : groups.length === 1
                ? c.name
                : `${c.name}第${chineseNumber(gi + 1)}片区`;
          xiaoqu.push({ code: xcode, parent: c.code, name: xname, kind: c.kind });
          group.forEach((tmp, k) => {
            const code = `${xcode}${String(k + 1).padStart(3, "0")}`;
            gridNumber++;
            updates.tmp.push(tmp);
            updates.code.push(code);
            updates.parent.push(xcode);
            const households = c.gridHouseholds[tmps.indexOf(tmp)];
            gridMeta.set(code, {
              code,
              parent: xcode,
              name: `${c.name}第${gridNumber}网格`,
              kind: c.kind,
              xiaoquName: xname,
              households,
              community: c.code,
            });
            sitesByTmp.set(code, sitesByTmp.get(tmp)!);
          });
        });
      }
    }
    await tx`update seed_area s set code = u.code, parent = u.parent
               from unnest(${updates.tmp}::text[], ${updates.code}::text[], ${updates.parent}::text[]) as u(tmp, code, parent)
              where s.code = u.tmp`;
    await tx`insert into seed_area (code, level, parent, geom)
             select x.code, 3, x.parent, st_multi(st_union(g.geom, ${GRID}::float8))
               from unnest(${xiaoqu.map((x) => x.code)}::text[], ${xiaoqu.map((x) => x.parent)}::text[]) as x(code, parent)
               join seed_area g on g.parent = x.code and g.level = 4
              group by x.code, x.parent`;
    for (const x of xiaoqu) meta.push(x);
    for (const g of gridMeta.values()) meta.push({ code: g.code, name: g.name, kind: g.kind });
  }

  await rebuildAsCoverage(tx);

  await tx`update seed_area s set name = m.name, kind = m.kind
             from unnest(${meta.map((m) => m.code)}::text[], ${meta.map((m) => m.name)}::text[], ${meta.map((m) => m.kind)}::text[]) as m(code, name, kind)
            where s.code = m.code`;
  const counts: number[] = [];
  for (let level = 0; level <= 4; level++) {
    const inserted = await tx`
      insert into region (code, name, level, kind, parent_id, path, district_code, geom)
      select s.code, s.name, s.level, s.kind, p.id,
             (case when p.id is null then s.code else p.path::text || '.' || s.code end)::ltree,
             ${plan.code},
             st_setsrid(st_multi(st_affine(s.geom, ${frame.degPerMetreX}, 0, 0, ${frame.degPerMetreY}, ${frame.lon0}, ${frame.lat0})), 4326)
        from seed_area s left join region p on p.code = s.parent and ${level} > 0
       where s.level = ${level}
       order by s.code`;
    counts.push(inserted.count);
  }
  const gridRows = await tx<{ code: string; id: number; g: string }[]>`
    select s.code, r.id, st_asgeojson(s.geom, 3) as g from seed_area s join region r on r.code = s.code where s.level = 4 order by s.code`;
  const streetName = new Map(plan.streets.map((s) => [s.code, s.name]));
  const communityName = new Map(plan.streets.flatMap((s) => s.communities.map((c) => [c.code, c.name] as const)));
  const grids: GridInfo[] = gridRows.map((r) => {
    const m = gridMeta.get(r.code)!;
    return {
      id: r.id,
      code: r.code,
      name: m.name,
      kind: m.kind as CommunityKind,
      households: m.households,
      streetCode: m.community.slice(0, 9),
      streetName: streetName.get(m.community.slice(0, 9))!,
      communityCode: m.community,
      communityName: communityName.get(m.community)!,
      xiaoquCode: m.parent,
      xiaoquName: m.xiaoquName,
      geom: (JSON.parse(r.g) as { coordinates: MultiPolygon }).coordinates,
      site: sitesByTmp.get(r.code)!,
    };
  });
  return { frame, outline, grids, counts, corePoint };
}

/**
 * Groups a community's grids into 小区 of adjacent grids: urban estates of 1–3 grids; a village is one
 * 小区 when it has up to three grids, else 片区 of two or three. Greedy growth from the first free grid
 * (north-west first), always taking the nearest free neighbour, so every group is connected.
 */
export function groupAdjacent(
  order: string[],
  adjacent: Map<string, Set<string>>,
  sites: Map<string, Pt>,
  rng: Rng,
  kind: CommunityKind,
): string[][] {
  if (kind === "village" && order.length <= 3) return [order.slice()];
  const free = new Set(order);
  const groups: string[][] = [];
  for (const start of order) {
    if (!free.has(start)) continue;
    const size = kind === "urban" ? rng.pick([1, 2, 2, 3, 3]) : rng.pick([2, 3]);
    const group = [start];
    free.delete(start);
    while (group.length < size) {
      let best: string | undefined;
      let bd = Infinity;
      const [sx, sy] = sites.get(start)!;
      for (const g of group) {
        for (const n of [...(adjacent.get(g) ?? [])].sort()) {
          if (!free.has(n)) continue;
          const [x, y] = sites.get(n)!;
          const d = (x - sx) ** 2 + (y - sy) ** 2;
          if (d < bd) {
            bd = d;
            best = n;
          }
        }
      }
      if (!best) break;
      group.push(best);
      free.delete(best);
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Roads and water in `map_feature`, so the offline map reads like a map: a few major roads across the
 * district (and a ring around the urban core), minor roads along the borders of streets and of urban
 * communities, a main river and a smaller one meandering across the district, and a few lakes.
 * Buildings keep clear of them (the `Obstacle`s returned here).
 */
import type { DistrictPlan } from "./plan";
import type { Pt, Ring } from "./geometry";
import { GENERIC_LAKES, GENERIC_MAJOR_ROADS, GENERIC_RIVERS } from "./names";
import { rngFor, type Rng } from "./random";
import type { RegionBuild, Sql } from "./regions";

/** Something buildings keep away from: a polyline (road, river) or an area (lake), with a clearance. */
export type Obstacle = { kind: "line"; points: Pt[]; clearance: number } | { kind: "area"; ring: Ring; clearance: number };

/** Names that make the demo district read like Tongzhou; any other district gets generic ones. */
const TONGZHOU = {
  roads: ["京哈高速", "京津高速", "通燕高速", "京塘路", "通州大道"],
  ring: "六环路",
  rivers: ["北运河", "凉水河"],
  lakes: ["西海子", "大运河森林公园湖", "月亮河湖", "碧水湖"],
};

/** A gently curving polyline through `via` at `angle`, long enough to cross the whole district. */
function crossingLine(
  rng: Rng,
  via: Pt,
  angle: number,
  halfLength: number,
  amplitude: number,
  wavelength: number,
  step = 250,
): Pt[] {
  const dx = Math.cos(angle),
    dy = Math.sin(angle);
  const phase = rng.range(0, 2 * Math.PI),
    phase2 = rng.range(0, 2 * Math.PI);
  const pts: Pt[] = [];
  for (let t = -halfLength; t <= halfLength; t += step) {
    const lateral =
      amplitude * Math.sin((2 * Math.PI * t) / wavelength + phase) +
      0.35 * amplitude * Math.sin((2 * Math.PI * t) / (wavelength / 2.7) + phase2);
    pts.push([via[0] + t * dx - lateral * dy, via[1] + t * dy + lateral * dx]);
  }
  return pts;
}

function ringAround(rng: Rng, centre: Pt, radius: number): Pt[] {
  const pts: Pt[] = [];
  const phase = rng.range(0, 2 * Math.PI);
  for (let i = 0; i <= 96; i++) {
    const t = (2 * Math.PI * i) / 96;
    const r = radius * (1 + 0.08 * Math.sin(3 * t + phase));
    pts.push([centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)]);
  }
  return pts;
}

function blob(rng: Rng, centre: Pt, radius: number): Ring {
  const pts: Ring = [];
  const h = [2, 3, 5].map((k) => ({ k, a: rng.range(0.05, 0.18), p: rng.range(0, 2 * Math.PI) }));
  for (let i = 0; i < 48; i++) {
    const t = (2 * Math.PI * i) / 48;
    const r = radius * (1 + h.reduce((a, x) => a + x.a * Math.sin(x.k * t + x.p), 0));
    pts.push([centre[0] + r * Math.cos(t), centre[1] + r * Math.sin(t)]);
  }
  return pts;
}

const lineWkt = (pts: Pt[]) => `LINESTRING(${pts.map(([x, y]) => `${x} ${y}`).join(",")})`;
const polygonWkt = (ring: Ring) =>
  `POLYGON((${ring
    .concat([ring[0]])
    .map(([x, y]) => `${x} ${y}`)
    .join(",")}))`;

/** Inserts the district's roads and water; returns what buildings must avoid and how many features were made. */
export async function buildMapFeatures(
  tx: Sql,
  plan: DistrictPlan,
  build: RegionBuild,
  seed: number,
): Promise<{ obstacles: Obstacle[]; count: number }> {
  const rng = rngFor(seed, plan.code, "features");
  const known = plan.code === "110112" ? TONGZHOU : undefined;
  const radius = Math.sqrt((plan.areaKm2 * 1e6) / Math.PI);
  const core = build.corePoint;
  const urbanKm2 = plan.streets.filter((s) => s.kind === "street").reduce((a, s) => a + s.areaKm2, 0);
  const coreRadius = Math.max(2500, Math.sqrt((urbanKm2 * 1e6) / Math.PI));

  const lines: { kind: string; name: string; pts: Pt[]; width: number }[] = [];
  const roadNames = known?.roads ?? rng.shuffle(GENERIC_MAJOR_ROADS).slice(0, 5);
  const angles = [0, Math.PI / 2, Math.PI / 5, -Math.PI / 4, Math.PI / 2.6];
  roadNames.forEach((name, i) => {
    const offset = rng.range(-0.6, 0.6) * coreRadius;
    const a = angles[i % angles.length] + rng.range(-0.15, 0.15);
    const via: Pt = [core[0] - Math.sin(a) * offset, core[1] + Math.cos(a) * offset];
    lines.push({
      kind: "road_major",
      name,
      pts: crossingLine(rng, via, a, radius * 2.2, rng.range(200, 700), rng.range(15000, 30000)),
      width: 40,
    });
  });
  lines.push({ kind: "road_major", name: known?.ring ?? "环城路", pts: ringAround(rng, core, coreRadius * 1.25), width: 40 });

  const riverNames = known?.rivers ?? rng.shuffle(GENERIC_RIVERS).slice(0, 2);
  // The main river runs roughly north–south past the urban core, the second one west–east further south.
  const main: Pt[] = crossingLine(
    rng,
    [core[0] + coreRadius * 0.45, core[1]],
    -Math.PI / 2 + rng.range(-0.35, 0.35),
    radius * 2.2,
    rng.range(500, 1100),
    rng.range(6000, 12000),
    120,
  );
  const second: Pt[] = crossingLine(
    rng,
    [core[0], core[1] - radius * rng.range(0.35, 0.6)],
    rng.range(-0.3, 0.3),
    radius * 2.2,
    rng.range(300, 700),
    rng.range(5000, 9000),
    120,
  );
  const rivers = [
    { name: riverNames[0], pts: main, width: rng.range(70, 110) },
    { name: riverNames[1], pts: second, width: rng.range(30, 50) },
  ];

  const lakeNames = known?.lakes ?? rng.shuffle(GENERIC_LAKES).slice(0, 4);
  const lakes = lakeNames.map((name, i) => {
    const r = i === 0 ? rng.range(150, 240) : rng.range(100, 220);
    const angle = rng.range(0, 2 * Math.PI);
    const dist = i === 0 ? rng.range(0.2, 0.6) * coreRadius : rng.range(0.3, 0.8) * radius;
    return { name, centre: [core[0] + dist * Math.cos(angle), core[1] + dist * Math.sin(angle)] as Pt, r, ring: [] as Ring };
  });
  for (const lake of lakes) lake.ring = blob(rng, lake.centre, lake.r);

  const { degPerMetreX: ax, degPerMetreY: ay, lon0, lat0 } = build.frame;
  let count = 0;
  // Everything is clipped to the district outline (seed_area level 0, metres) and moved to degrees.
  const insertClipped = async (kind: string, name: string | null, wkt: string, buffer: number) => {
    const r = await tx`
      insert into map_feature (district_code, kind, name, geom)
      select ${plan.code}, ${kind}, ${name}, st_setsrid(st_affine(g, ${ax}, 0, 0, ${ay}, ${lon0}, ${lat0}), 4326)
        from (select st_intersection(case when ${buffer}::float8 > 0 then st_buffer(st_geomfromtext(${wkt}, 0), ${buffer}::float8, 'endcap=flat join=round') else st_geomfromtext(${wkt}, 0) end, d.geom) as g
                from seed_area d where d.level = 0) x
       where not st_isempty(g)`;
    count += r.count;
  };
  for (const l of lines) await insertClipped(l.kind, l.name, lineWkt(l.pts), 0);
  for (const r of rivers) await insertClipped("river", r.name, lineWkt(r.pts), r.width / 2);
  for (const l of lakes) await insertClipped("lake", l.name, polygonWkt(l.ring), 0);

  // Minor roads follow the borders between streets and between neighbouring urban communities.
  const minor = await tx`
    insert into map_feature (district_code, kind, name, geom)
    select ${plan.code}, 'road_minor', null, st_setsrid(st_affine(g, ${ax}, 0, 0, ${ay}, ${lon0}, ${lat0}), 4326)
      from (select st_linemerge(st_collectionextract(st_intersection(a.geom, b.geom), 2)) as g
              from seed_area a join seed_area b on a.level = b.level and a.code < b.code and a.geom && b.geom
             where (a.level = 1 or (a.level = 2 and a.kind = 'urban' and b.kind = 'urban')) and st_intersects(a.geom, b.geom)) x
     where not st_isempty(g) and st_length(g) > 50`;
  count += minor.count;

  const obstacles: Obstacle[] = [
    ...lines.map((l) => ({ kind: "line" as const, points: l.pts, clearance: l.width / 2 + 12 })),
    ...rivers.map((r) => ({ kind: "line" as const, points: r.pts, clearance: r.width / 2 + 15 })),
    ...lakes.map((l) => ({ kind: "area" as const, ring: l.ring, clearance: 15 })),
  ];
  return { obstacles, count };
}

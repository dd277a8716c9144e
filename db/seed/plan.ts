/**
 * The district plan: how many households each community has at full scale, how many basic grids it is
 * divided into, and how much land each street and community gets. Pure and deterministic: it depends on
 * the divisions and the seed only, never on the scale, so the region tree is identical across scales.
 *
 * Calibration (the Tongzhou file: 186 urban communities, 470 villages): urban communities hold
 * 1,500–4,500 households (mean ~3,000), villages 250–1,500 (log-normal, mean ~470), giving about
 * 780 thousand households; basic grids hold 300–600 households in urban communities and ~400 in villages
 * (DOMAIN: "300–600 households in towns … about 400 in villages"), giving roughly 1,800 grids.
 */
import type { CommunityKind, Divisions, StreetKind } from "./divisions";
import { locateDistrict, type DistrictLocation } from "./locate";
import { rngFor } from "./random";

export type CommunityPlan = {
  code: string;
  name: string;
  kind: CommunityKind;
  streetCode: string;
  /** Households at full scale. */
  households: number;
  /** Households of each basic grid at full scale (sums to `households`). */
  gridHouseholds: number[];
  /** Land share, km² (before the district total is matched). */
  areaKm2: number;
};

export type StreetPlan = { code: string; name: string; kind: StreetKind; communities: CommunityPlan[]; areaKm2: number };

export type DistrictPlan = {
  code: string;
  name: string;
  location: DistrictLocation;
  areaKm2: number;
  streets: StreetPlan[];
};

/** Splits `total` into `parts` integers near total/parts (±12%), each kept inside [min, max] when possible. */
export function splitHouseholds(
  total: number,
  parts: number,
  rng: ReturnType<typeof rngFor>,
  min: number,
  max: number,
): number[] {
  const weights = Array.from({ length: parts }, () => 1 + rng.range(-0.12, 0.12));
  const sum = weights.reduce((a, b) => a + b, 0);
  const out = weights.map((w) => Math.round((total * w) / sum));
  // Clamp, then hand the rounding remainder to grids that have room, keeping the exact total.
  for (let i = 0; i < parts; i++)
    out[i] = Math.min(Math.max(out[i], Math.min(min, total)), Math.max(max, Math.ceil(total / parts)));
  let diff = total - out.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0 && i < parts * 1000; i++) {
    const k = i % parts;
    const step = Math.sign(diff);
    out[k] += step;
    diff -= step;
  }
  return out;
}

function planCommunity(
  seed: number,
  streetKind: StreetKind,
  streetCode: string,
  c: { code: string; name: string; kind: CommunityKind },
): CommunityPlan {
  const rng = rngFor(seed, c.code, "plan");
  let households: number;
  let grids: number;
  let areaKm2: number;
  if (c.kind === "urban") {
    households = Math.round(1500 + 3000 * ((rng.next() + rng.next()) / 2));
    grids = Math.max(1, Math.round(households / rng.range(420, 520)));
    while (households / grids > 600) grids++;
    while (grids > 1 && households / grids < 300) grids--;
    // Households per km²: denser in the street offices of the urban core than in town centres.
    const density = streetKind === "street" ? rng.range(3500, 6000) : rng.range(2500, 4500);
    areaKm2 = households / density;
  } else {
    households = Math.round(Math.min(1500, Math.max(250, 415 * Math.exp(0.5 * rng.normal()))));
    grids = Math.max(1, Math.round(households / 400));
    // Villages own their farmland: much more land per household than urban communities.
    areaKm2 = rng.range(1.0, 1.8) * Math.sqrt(households / 470);
  }
  const [min, max] = c.kind === "urban" ? [300, 600] : [250, 550];
  return {
    code: c.code,
    name: c.name,
    kind: c.kind,
    streetCode,
    households,
    gridHouseholds: splitHouseholds(households, grids, rng, min, max),
    areaKm2,
  };
}

/** Plans the whole district (all streets, all communities), independent of scale. */
export function planDistrict(divisions: Divisions, seed: number): DistrictPlan {
  const location = locateDistrict(divisions.district.code);
  const streets: StreetPlan[] = divisions.streets.map((s) => {
    const communities = s.communities.map((c) => planCommunity(seed, s.kind, s.code, c));
    const rng = rngFor(seed, s.code, "plan");
    const sum = communities.reduce((a, c) => a + c.areaKm2, 0);
    // Streets add roads and parks; towns add industry, forest and fields outside the villages.
    const areaKm2 = s.kind === "street" ? Math.max(3, sum * rng.range(1.05, 1.2)) : Math.max(8, sum * rng.range(1.15, 1.4));
    return { code: s.code, name: s.name, kind: s.kind, communities, areaKm2 };
  });
  let areaKm2 = streets.reduce((a, s) => a + s.areaKm2, 0);
  if (location.areaKm2) {
    const f = location.areaKm2 / areaKm2;
    for (const s of streets) {
      s.areaKm2 *= f;
      for (const c of s.communities) c.areaKm2 *= f;
    }
    areaKm2 = location.areaKm2;
  }
  return { code: divisions.district.code, name: divisions.district.name, location, areaKm2, streets };
}

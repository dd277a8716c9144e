import "server-only";
import { findDistrictNames, findPlaceCandidates, findPlacesFingerprint } from "../../db/queries/hotline";
import type { Database } from "../../db/client";
import { areaPrefixes } from "./address";
import { buildAddressIndex, type AddressIndex } from "./address-match";

export type PlaceIndex = {
  index: AddressIndex;
  /** Street/town name → region path (where an unlocated order waits when its address names the street). */
  streetPaths: ReadonlyMap<string, string>;
  districtPath: string | null;
};

type Cached = { fingerprint: string; value: Promise<PlaceIndex> };
const cacheKey = Symbol.for("gridatlas.hotline.placeIndex");
const holder = globalThis as unknown as { [cacheKey]?: Cached };

/**
 * The district's buildings and house numbers as an address index (address-match.ts). Building it reads every
 * building (about 1 s at full scale, 143 k buildings), so the process keeps it while the buildings stay the
 * same: a count-and-max fingerprint is checked on each use (a few milliseconds).
 */
export async function loadPlaceIndex(db: Database): Promise<PlaceIndex> {
  const fingerprint = await findPlacesFingerprint(db);
  const cached = holder[cacheKey];
  if (cached && cached.fingerprint === fingerprint) return cached.value;
  const value = buildPlaceIndex(db);
  holder[cacheKey] = { fingerprint, value };
  value.catch(() => {
    if (holder[cacheKey]?.value === value) holder[cacheKey] = undefined;
  });
  return value;
}

async function buildPlaceIndex(db: Database): Promise<PlaceIndex> {
  const [names, candidates] = await Promise.all([findDistrictNames(db), findPlaceCandidates(db)]);
  const prefixes = {
    areas: names.district ? areaPrefixes(names.district.name) : [],
    streets: names.streets.map((s) => s.name).sort((a, b) => b.length - a.length),
  };
  const index = buildAddressIndex(
    candidates.map((c) => ({
      id: c.id,
      kind: c.kind,
      address: c.address,
      gridPath: c.grid_path,
      lon: Number(c.lon),
      lat: Number(c.lat),
    })),
    prefixes,
  );
  return { index, streetPaths: new Map(names.streets.map((s) => [s.name, s.path])), districtPath: names.district?.path ?? null };
}

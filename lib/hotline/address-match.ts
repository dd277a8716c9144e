import { addressKey, placeSimilarity, type AddressKey, type AddressPrefixes } from "./address";

/**
 * Locating an address among the district's buildings and house numbers (pure, in memory):
 * 1. exact: the same place and number after normalisation (address.ts) — confidence 1;
 * 2. fuzzy: the number must be the same (a wrong building is worse than none), the place similar
 *    (placeSimilarity ≥ FUZZY_THRESHOLD) — confidence = the similarity;
 * and in both cases only when one place wins clearly: candidates of another place within AMBIGUITY_MARGIN of
 * the best, or equal keys far apart, make the address ambiguous and it waits for a person.
 * A street named in the address narrows the candidates to that street when any lie in it.
 */

export const FUZZY_THRESHOLD = 0.8;
export const AMBIGUITY_MARGIN = 0.1;
/** Candidates with the same key closer than this are one place (several firms at one house number). */
const SAME_PLACE_METRES = 150;

export type PlaceCandidate = {
  id: number;
  /** building: a building of the 楼盘表; house: a house number (门牌) of a firm on a road. */
  kind: "building" | "house";
  /** The stored address (shown in the report). */
  address: string;
  gridPath: string;
  /** The point the case gets: the building's point-on-surface, the house number's point. */
  lon: number;
  lat: number;
};

export type AddressMatch =
  | { kind: "exact" | "fuzzy"; candidate: PlaceCandidate; confidence: number }
  | { kind: "ambiguous"; candidates: PlaceCandidate[] }
  | { kind: "none" };

type Indexed = PlaceCandidate & { key: AddressKey };

export type AddressIndex = {
  match(address: string): AddressMatch;
  /** The street/town the address names, if any (where an unlocated order waits). */
  streetOf(address: string): string | null;
  size: number;
};

export function buildAddressIndex(candidates: readonly PlaceCandidate[], prefixes: AddressPrefixes): AddressIndex {
  const byKey = new Map<string, Indexed[]>();
  const bigramToPlaces = new Map<string, Set<string>>();
  let size = 0;
  for (const c of candidates) {
    const key = addressKey(c.address, prefixes);
    if (!key.number || key.place === "") continue;
    const k = `${key.place}|${key.number}`;
    const list = byKey.get(k);
    if (list) list.push({ ...c, key });
    else byKey.set(k, [{ ...c, key }]);
    for (const g of bigramsOf(key.place)) {
      let places = bigramToPlaces.get(g);
      if (!places) bigramToPlaces.set(g, (places = new Set()));
      places.add(key.place);
    }
    size++;
  }

  function match(address: string): AddressMatch {
    const key = addressKey(address, prefixes);
    if (!key.number || key.place === "") return { kind: "none" };
    const exact = narrowToStreet(byKey.get(`${key.place}|${key.number}`) ?? [], key.street);
    if (exact.length > 0)
      return onePlace(exact) ? { kind: "exact", candidate: exact[0], confidence: 1 } : { kind: "ambiguous", candidates: exact };

    // Fuzzy: only places sharing a bigram with the query are scored.
    const scored: { place: string; score: number; list: Indexed[] }[] = [];
    const seen = new Set<string>();
    for (const g of bigramsOf(key.place)) {
      for (const place of bigramToPlaces.get(g) ?? []) {
        if (seen.has(place)) continue;
        seen.add(place);
        const list = byKey.get(`${place}|${key.number}`);
        if (!list) continue;
        const score = placeSimilarity(key.place, place);
        if (score >= FUZZY_THRESHOLD - AMBIGUITY_MARGIN) scored.push({ place, score, list });
      }
    }
    let pool = scored.flatMap((s) => s.list.map((c) => ({ c, score: s.score })));
    if (key.street && pool.some((p) => p.c.key.street === key.street)) pool = pool.filter((p) => p.c.key.street === key.street);
    if (pool.length === 0) return { kind: "none" };
    pool.sort((a, b) => b.score - a.score || a.c.id - b.c.id);
    const best = pool[0];
    if (best.score < FUZZY_THRESHOLD) return { kind: "none" };
    const rivals = pool.filter((p) => p.score > best.score - AMBIGUITY_MARGIN).map((p) => p.c);
    if (!onePlace(rivals)) return { kind: "ambiguous", candidates: rivals.slice(0, 5) };
    return { kind: "fuzzy", candidate: best.c, confidence: Math.round(best.score * 100) / 100 };
  }

  return {
    match: (address) => {
      const m = match(address);
      // Hand out plain candidates (without the internal key).
      if (m.kind === "exact" || m.kind === "fuzzy") return { ...m, candidate: plain(m.candidate as Indexed) };
      if (m.kind === "ambiguous") return { kind: "ambiguous", candidates: m.candidates.map((c) => plain(c as Indexed)) };
      return m;
    },
    streetOf: (address) => addressKey(address, prefixes).street,
    size,
  };
}

function plain({ key: _key, ...c }: Indexed): PlaceCandidate {
  return c;
}

function narrowToStreet(list: Indexed[], street: string | null): Indexed[] {
  if (!street) return list;
  const inStreet = list.filter((c) => c.key.street === street);
  return inStreet.length > 0 ? inStreet : list;
}

/** Whether the candidates are one place on the ground (all within SAME_PLACE_METRES of the first). */
function onePlace(list: readonly PlaceCandidate[]): boolean {
  const [first, ...rest] = list;
  return rest.every((c) => metresBetween(first, c) <= SAME_PLACE_METRES);
}

function metresBetween(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dLat = (b.lat - a.lat) * 111_320;
  const dLon = (b.lon - a.lon) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dLat, dLon);
}

function bigramsOf(s: string): string[] {
  const chars = [...s];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

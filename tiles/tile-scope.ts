import { isRegionPath, type Scope } from "../db/queries/scope";

/**
 * The caller's area scope: the region paths (e.g. "110112.110112001") whose subtrees the caller may see
 * (tiles/resolve-tile-scope.ts derives it from the session), or null for the whole database (benchmarks
 * and tests of the SQL itself; never a request). Its own module, so the renderers of every layer can name
 * it without importing each other.
 */
export type TileScope = Scope | null;

/** True when a scope is null or a non-empty list of well-formed region paths. */
export function isValidScope(scope: TileScope): boolean {
  return scope === null || (scope.length > 0 && scope.every(isRegionPath));
}

/** The scope as one string for cache keys and ETags ("*" for everything). */
export function scopeKey(scope: TileScope): string {
  return scope === null ? "*" : scope.join(",");
}

import type { Scope } from "../../db/queries/scope";

// The type lives with the queries that take it (db/queries/scope.ts, the bottom layer); the rules on it live here.
export type { Scope };

/** Drops duplicates and paths that lie inside another path of the list; sorted for stable cache keys. */
export function normalizeScope(paths: readonly string[]): Scope {
  const unique = [...new Set(paths)].sort();
  return unique.filter((p) => !unique.some((q) => q !== p && p.startsWith(`${q}.`)));
}

/** True when `path` lies inside the scope (itself or a descendant of one of its paths). */
export function scopeContains(scope: Scope, path: string): boolean {
  return scope.some((p) => path === p || path.startsWith(`${p}.`));
}

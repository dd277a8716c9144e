/**
 * An area scope: the ltree paths of the regions whose subtrees the caller may see for one action.
 * Never nested (a path inside another is dropped) and never empty when handed to a query.
 */
export type Scope = readonly string[];

const LTREE_PATH = /^[0-9]{1,18}(\.[0-9]{1,18}){0,5}$/;

export function isRegionPath(value: string): boolean {
  return LTREE_PATH.test(value);
}

/** Drops duplicates and paths that lie inside another path of the list; sorted for stable cache keys. */
export function normalizeScope(paths: readonly string[]): Scope {
  const unique = [...new Set(paths)].sort();
  return unique.filter((p) => !unique.some((q) => q !== p && p.startsWith(`${q}.`)));
}

/**
 * The scope as a PostgreSQL ltree[] literal ("{a.b,c.d}"). Paths are checked to be digits and dots,
 * so the literal cannot carry anything else; it is always sent as a bound parameter anyway.
 */
export function scopeLiteral(scope: Scope): string {
  for (const p of scope) if (!isRegionPath(p)) throw new Error(`invalid region path in scope: ${JSON.stringify(p)}`);
  return `{${scope.join(",")}}`;
}

/** True when `path` lies inside the scope (itself or a descendant of one of its paths). */
export function scopeContains(scope: Scope, path: string): boolean {
  return scope.some((p) => path === p || path.startsWith(`${p}.`));
}

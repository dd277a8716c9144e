import "server-only";
import type { TileScope } from "./render-tile";

/**
 * The caller's area scope for tile requests: the one place the access issue fills in (session →
 * role → the ltree path of the caller's area). Until then every caller sees the whole district (null).
 */
export async function resolveTileScope(_request: Request): Promise<TileScope> {
  return null;
}

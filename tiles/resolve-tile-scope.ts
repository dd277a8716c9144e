import "server-only";
import { productConnection } from "../db/client";
import type { Actor } from "../lib/auth/actor";
import { scopeOf } from "../lib/auth/authorize";
import type { Action } from "../lib/auth/permissions";
import { resolveSession } from "../lib/auth/resolve-session";
import type { Scope } from "../lib/auth/scope";
import { sessionTokenFromCookieHeader } from "../lib/auth/session-token";
import { DomainError } from "../lib/errors";
import { t } from "../lib/i18n";

/**
 * How long a session's tile scope is remembered in this process. A map pan asks for dozens of tiles
 * at once; one session lookup per tile would double the cost of a warm tile. A revoked session or a
 * changed assignment therefore reaches the tiles within this many milliseconds (pages and JSON routes
 * check the database on every request).
 */
export const TILE_SCOPE_TTL_MS = 5_000;
const MAX_REMEMBERED = 2_000;

// On globalThis: the web server (tiles) and the Next.js bundle (sign-out) load this module separately.
const state = globalThis as unknown as { gridatlasTileScopes?: Map<string, { actor: Actor; until: number }> };
const remembered = (state.gridatlasTileScopes ??= new Map());

/**
 * The caller's area for tiles: the regions of the assignments whose role allows `action` — `map.view` for
 * the map's layers, `case.read` for the case layers (tiles/layers.ts `tileActionOf`).
 * Throws UNAUTHENTICATED without a live session and FORBIDDEN for a role without that right.
 * Used by both the Next.js tile routes and the product's web server.
 */
export async function resolveTileScope(
  headers: Headers,
  action: Extract<Action, "map.view" | "case.read"> = "map.view",
  now = Date.now(),
): Promise<Scope> {
  const token = sessionTokenFromCookieHeader(headers.get("cookie"));
  if (!token) throw new DomainError("UNAUTHENTICATED", t.auth.noSession);
  const actor = await rememberedActor(token, now);
  const scope = scopeOf({ actor }, action);
  if (scope.length === 0)
    throw new DomainError("FORBIDDEN", action === "case.read" ? t.caseMap.forbidden : t.auth.forbiddenAction[action]);
  return scope;
}

/** The session's actor, from this process's memory while it is fresh, else from the database. */
async function rememberedActor(token: string, now: number): Promise<Actor> {
  const hit = remembered.get(token);
  if (hit && hit.until > now) return hit.actor;
  const actor = await resolveSession(productConnection().db, token);
  if (!actor) {
    remembered.delete(token);
    throw new DomainError("UNAUTHENTICATED", t.auth.sessionGone);
  }
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(token, { actor, until: now + TILE_SCOPE_TTL_MS });
  return actor;
}

/** Forgets remembered scopes (tests; sign-out in this process). */
export function forgetTileScopes(token?: string) {
  if (token) remembered.delete(token);
  else remembered.clear();
}

import "server-only";
import { cache } from "react";
import { productConnection, type Database } from "../db/client";
import { findDistrictRegionId, findRegionsByIds } from "../db/queries/region";
import type { Actor, Assignment } from "./auth/actor";
import { resolveSession } from "./auth/resolve-session";
import type { Role } from "./auth/roles";
import { sessionTokenFromCookieHeader } from "./auth/session-token";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { DomainError } from "./errors";
import { t } from "./i18n";

/** Who is asking and from where. Every verb takes one and asks `authorize(ctx, action)` for its scope. */
export type RequestContext = {
  db: Database;
  actor: Actor;
  /** The caller's network address as the web server saw it (for throttling and the logs). */
  clientAddress: string | null;
  locale: "zh-CN";
};

/** The context of a request carrying these headers: its session cookie decides the actor. */
export async function contextFromHeaders(db: Database, headers: Headers): Promise<RequestContext> {
  const actor = await resolveSession(db, sessionTokenFromCookieHeader(headers.get("cookie")));
  if (!actor) throw new DomainError("UNAUTHENTICATED", t.auth.noSession);
  return { db, actor, clientAddress: headers.get(CLIENT_ADDRESS_HEADER), locale: "zh-CN" };
}

/** The context of a route handler's request (also usable outside Next.js, e.g. in tests). */
export function contextFromRequest(request: Request, db: Database = productConnection().db): Promise<RequestContext> {
  return contextFromHeaders(db, request.headers);
}

/** The context of the current server-component render (memoised per request). */
export const getRequestContext = cache(async (): Promise<RequestContext> => {
  const { headers } = await import("next/headers");
  return contextFromHeaders(productConnection().db, await headers());
});

/**
 * A context with the given (role, region) assignments, for command-line tools and tests: the regions
 * are looked up by id. The system actor has no account (userId null) and no session.
 */
export async function contextWithAssignments(
  db: Database,
  assignments: readonly { role: Role; regionId: number }[],
  who: { userId?: number | null; username?: string; displayName?: string } = {},
): Promise<RequestContext> {
  const ids = assignments.map((a) => a.regionId);
  const rows = await findRegionsByIds(db, ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const resolved: Assignment[] = assignments.map((a) => {
    const r = byId.get(a.regionId);
    if (!r) throw new Error(`region ${a.regionId} does not exist`);
    return { role: a.role, regionId: r.id, regionPath: r.path, regionName: r.name, regionLevel: r.level };
  });
  return {
    db,
    actor: {
      userId: who.userId ?? null,
      username: who.username ?? "system",
      displayName: who.displayName ?? t.common.systemActor,
      sessionId: null,
      mustChangePassword: false,
      assignments: resolved,
    },
    clientAddress: null,
    locale: "zh-CN",
  };
}

/** The whole district as one role (command-line tools; tests of the district-wide view). */
export async function districtContext(db: Database, role: Role = "district_commander"): Promise<RequestContext> {
  const districtId = await findDistrictRegionId(db);
  return contextWithAssignments(db, districtId !== null ? [{ role, regionId: districtId }] : []);
}

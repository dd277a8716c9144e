import "server-only";
import { sql } from "kysely";
import { cache } from "react";
import { productConnection, type Database } from "../db/client";

/** Who is asking, and which part of the district they may see. Every read verb takes one. */
export type RequestContext = {
  db: Database;
  actor: { kind: "anonymous"; role: "district_commander"; displayName: string };
  /** ltree path of the caller's area; reads keep only rows whose region path is `<@` this path. */
  scopePath: string;
  /** The district the caller works in (6-digit code), or null when no district is loaded yet. */
  districtCode: string | null;
  locale: "zh-CN";
};

/**
 * A path label that no region can carry (region codes are digits), used as the scope when the
 * database holds no district yet: every scoped read then returns nothing instead of everything.
 */
export const EMPTY_SCOPE = "no_district";

/**
 * The anonymous "district commander" context: scope = the whole district. The access issue replaces
 * this with the signed-in user's role and area; verbs already filter by `scopePath`.
 */
export async function districtCommanderContext(db: Database): Promise<RequestContext> {
  const { rows } = await sql<{ code: string; path: string }>`
    select code, path::text as path from region where level = 0 order by id limit 1`.execute(db);
  const district = rows[0];
  return {
    db,
    actor: { kind: "anonymous", role: "district_commander", displayName: "区级指挥中心" },
    scopePath: district?.path ?? EMPTY_SCOPE,
    districtCode: district?.code ?? null,
    locale: "zh-CN",
  };
}

/** The context of the current request (memoised per request in server components). */
export const getRequestContext = cache(async (): Promise<RequestContext> => districtCommanderContext(productConnection().db));

import type { Actor } from "../auth/actor";
import type { RequestContext } from "../context";
import type { Database } from "../../db/client";
import { hotline } from "../i18n/zh-CN/hotline";

/** The importer as stored with a batch (what the worker acts as). */
export type ActorSnapshot = Pick<Actor, "userId" | "username" | "displayName" | "assignments"> & { clientAddress: string | null };

export function actorSnapshot(ctx: RequestContext): ActorSnapshot {
  return {
    userId: ctx.actor.userId,
    username: ctx.actor.username,
    displayName: ctx.actor.displayName,
    assignments: ctx.actor.assignments,
    clientAddress: ctx.clientAddress,
  };
}

/**
 * The context cases from the hotline are filed with. The caller of the hotline reported the case, not the
 * operator who imported or placed it: the account id stays empty (reporter_user_id null), so 采办分离 does not
 * bar the operator from verifying and closing the case later. The operator's name stays in the timeline and
 * audit names, and the account id in the batch, the ledger (located_by) and the import's own audit row.
 */
export function hotlineContext(db: Database, who: ActorSnapshot, how: "import" | "locate"): RequestContext {
  return {
    db,
    actor: {
      userId: null,
      username: `12345:${who.username}`,
      displayName: hotline.systemActor(who.displayName, how),
      sessionId: null,
      mustChangePassword: false,
      assignments: who.assignments,
    },
    clientAddress: who.clientAddress,
    locale: "zh-CN",
  };
}

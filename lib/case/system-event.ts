import { caseLoop } from "../i18n/zh-CN/case-loop";
import { common } from "../i18n/zh-CN/common";

/** The names the system writes as the actor of what its rules do by themselves (routing, the clock, tools). */
const SYSTEM_ACTOR_NAMES: ReadonlySet<string> = new Set([
  caseLoop.system.routingActor,
  caseLoop.system.clockActor,
  common.systemActor,
]);

/**
 * Whether a timeline event was made by the system rather than a person: it has no account behind it and is
 * either an automatic action (auto_dispatch, auto_escalate) or written by one of the system's own actors.
 * Imports (12345) and Open311 have no account either, but a person or an outside system reported through them.
 */
export function isSystemEvent(event: { actorUserId: number | null; actorName: string; action: string }): boolean {
  if (event.actorUserId !== null) return false;
  return event.action.startsWith("auto_") || SYSTEM_ACTOR_NAMES.has(event.actorName);
}

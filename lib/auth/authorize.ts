import type { RequestContext } from "../context";
import { DomainError } from "../errors";
import { t } from "../i18n";
import type { Action } from "./permissions";
import { roleAllows } from "./permissions";
import { normalizeScope, type Scope } from "./scope";

/** The caller's area for one action: the regions of every assignment whose role allows it. */
export function scopeOf(ctx: Pick<RequestContext, "actor">, action: Action): Scope {
  return normalizeScope(ctx.actor.assignments.filter((a) => roleAllows(a.role, action)).map((a) => a.regionPath));
}

/** Whether the caller may do `action` somewhere. */
export function can(ctx: Pick<RequestContext, "actor">, action: Action): boolean {
  return ctx.actor.assignments.some((a) => roleAllows(a.role, action));
}

/**
 * The permission check every verb starts with: the scope for `action`, or FORBIDDEN when no role of
 * the caller allows it anywhere.
 */
export function authorize(ctx: Pick<RequestContext, "actor">, action: Action): Scope {
  const scope = scopeOf(ctx, action);
  if (scope.length === 0)
    throw new DomainError("FORBIDDEN", t.auth.forbiddenAction[action] ?? t.errors.FORBIDDEN, { details: { action } });
  return scope;
}

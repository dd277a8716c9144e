import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can } from "@/lib/auth/authorize";
import type { Action } from "@/lib/auth/permissions";
import { getRequestContext, type RequestContext } from "@/lib/context";
import { isDomainError } from "@/lib/errors";

/**
 * The caller's context for a page: without a live session the browser goes to the sign-in page; an
 * account that must change its password goes to the password page first.
 */
export async function requirePageContext(options: { allowPasswordChange?: boolean } = {}): Promise<RequestContext> {
  let ctx: RequestContext;
  try {
    ctx = await getRequestContext();
  } catch (error) {
    if (isDomainError(error) && error.code === "UNAUTHENTICATED") redirect("/sign-in");
    throw error;
  }
  if (ctx.actor.mustChangePassword && !options.allowPasswordChange) redirect("/account/password");
  return ctx;
}

/**
 * The caller's context for a page that needs a permission (any one of several, when given a list):
 * without it the page answers HTTP 403 with the console's notice (app/(console)/forbidden.tsx).
 */
export async function requirePagePermission(action: Action | readonly Action[]): Promise<RequestContext> {
  const ctx = await requirePageContext();
  const actions: readonly Action[] = typeof action === "string" ? [action] : action;
  if (!actions.some((a) => can(ctx, a))) forbidden();
  return ctx;
}

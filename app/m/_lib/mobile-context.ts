import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can } from "@/lib/auth/authorize";
import type { Action } from "@/lib/auth/permissions";
import { getRequestContext, type RequestContext } from "@/lib/context";
import { isDomainError } from "@/lib/errors";

/**
 * The caller's context for a phone page, like requirePageContext, except that without a session the phone
 * comes back to its own home (/m) after signing in, not to the console's map: the page a grid worker
 * bookmarks or adds to the home screen (the manifest's start_url) stays the phone's.
 */
export async function requireMobileContext(): Promise<RequestContext> {
  let ctx: RequestContext;
  try {
    ctx = await getRequestContext();
  } catch (error) {
    if (isDomainError(error) && error.code === "UNAUTHENTICATED") redirect("/sign-in?next=%2Fm");
    throw error;
  }
  if (ctx.actor.mustChangePassword) redirect("/account/password");
  return ctx;
}

/**
 * The caller's context for a phone page that needs permissions (all of them): without one the page answers
 * HTTP 403 with the phone's notice (app/m/forbidden.tsx).
 */
export async function requireMobilePermission(...actions: Action[]): Promise<RequestContext> {
  const ctx = await requireMobileContext();
  if (!actions.every((a) => can(ctx, a))) forbidden();
  return ctx;
}

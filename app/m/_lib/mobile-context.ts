import "server-only";
import { redirect } from "next/navigation";
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

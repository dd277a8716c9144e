import "server-only";
import { redirect } from "next/navigation";
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

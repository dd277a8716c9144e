import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/**
 * Page adapter (server components): an unknown or malformed id is a 404 page, a role without the right
 * (a department handler on a building's 楼盘表) the 403 page (app/(console)/forbidden.tsx), never a 500.
 * Other errors propagate to the route's error boundary. (Kept out of lib/errors so the web server,
 * which loads lib/errors for tiles, never loads Next's navigation module and React before Next does.)
 */
export function rethrowForPage(error: unknown): never {
  if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
  if (isDomainError(error) && error.code === "FORBIDDEN") forbidden();
  throw error;
}

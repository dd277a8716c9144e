import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/errors";

/**
 * Page adapter (server components): an unknown or malformed id is a 404 page, not a 500.
 * Other errors propagate to the route's error boundary. (Kept out of lib/errors so the web server,
 * which loads lib/errors for tiles, never loads Next's navigation module and React before Next does.)
 */
export function rethrowForPage(error: unknown): never {
  if (isDomainError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
  throw error;
}

import "server-only";
import { DomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie-authenticated writes (besides the SameSite=Lax cookie): a browser sends
 * Origin (and Sec-Fetch-Site) with every POST; a cross-site form post is refused with 403.
 * Requests without either header are not from a browser page and carry no ambient cookie risk.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") {
    throw new DomainError("FORBIDDEN", t.auth.signIn.crossSite, { details: { reason: "cross-site request" } });
  }
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host =
    request.headers.get("x-forwarded-host")?.split(",")[0].trim() || request.headers.get("host") || new URL(request.url).host;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host)
    throw new DomainError("FORBIDDEN", t.auth.signIn.crossSite, { details: { reason: "origin mismatch" } });
}

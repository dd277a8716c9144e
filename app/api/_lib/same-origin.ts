import "server-only";
import { requestHost } from "@/lib/client-address";
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
  // X-Forwarded-Host counts only when a proxy listed in TRUSTED_PROXIES sent it (the web server marks
  // such requests); from anyone else it would let a forged header vouch for a foreign Origin.
  const host = requestHost(request.headers, request.url);
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== host)
    throw new DomainError("FORBIDDEN", t.auth.signIn.crossSite, { details: { reason: "origin mismatch" } });
}

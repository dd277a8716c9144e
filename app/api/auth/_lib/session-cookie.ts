import "server-only";
import { sessionCookie } from "@/lib/auth/session-token";
import { env } from "@/lib/env";

/** Set-Cookie for a new session (Secure when configured or when the request came over HTTPS). */
export function setSessionCookie(request: Request, token: string, expiresAt: Date): string {
  return sessionCookie(token, (expiresAt.getTime() - Date.now()) / 1000, isSecure(request));
}

/** Set-Cookie that removes the session cookie. */
export function clearSessionCookie(request: Request): string {
  return sessionCookie("", 0, isSecure(request));
}

function isSecure(request: Request) {
  return (
    env().COOKIE_SECURE === "1" ||
    request.headers.get("x-forwarded-proto") === "https" ||
    new URL(request.url).protocol === "https:"
  );
}

/** A same-site path to return to after sign-in ("/buildings/12"); anything else (other hosts, "//x") is "/". */
export function safeNextPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s]*$/.test(value) && !value.startsWith("/api/") ? value : "/";
}

import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { productConnection } from "@/db/client";
import { signIn } from "@/lib/auth/sign-in";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-token";
import { isDomainError, toHttpResponse } from "@/lib/errors";
import { readCappedForm, readCappedJson } from "@/lib/request-body";
import { assertSameOrigin } from "../../_lib/same-origin";
import { safeNextPath, setSessionCookie } from "../_lib/session-cookie";

export const dynamic = "force-dynamic";

/**
 * POST /api/auth/sign-in — username + password → a new session cookie.
 * An HTML form (application/x-www-form-urlencoded) gets 303 redirects: to `next` on success, back to
 * /sign-in?error=… on failure (works without JavaScript). A JSON body gets JSON and status codes.
 */
export async function POST(request: Request) {
  const isForm = !(request.headers.get("content-type") ?? "").includes("application/json");
  let fields: Record<string, unknown> = {};
  try {
    // A body over 1 MB is refused (413) before it is read whole; a body that is no object (`null`, a
    // number, an array, broken JSON) counts as empty fields: "请输入用户名和密码", never a crash.
    const body: unknown = isForm
      ? await readCappedForm(request).then((f) => f && Object.fromEntries(f.entries()))
      : await readCappedJson(request);
    if (typeof body === "object" && body !== null && !Array.isArray(body)) fields = body as Record<string, unknown>;
  } catch (error) {
    return toHttpResponse(error);
  }
  const next = safeNextPath(fields.next);
  try {
    assertSameOrigin(request);
    const signedIn = await signIn({
      db: productConnection().db,
      input: { username: String(fields.username ?? ""), password: String(fields.password ?? "") },
      request: {
        address: request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown",
        userAgent: request.headers.get("user-agent"),
        previousToken: sessionTokenFromCookieHeader(request.headers.get("cookie")),
      },
    });
    const cookie = setSessionCookie(request, signedIn.token, signedIn.expiresAt);
    const target = signedIn.mustChangePassword ? "/account/password" : next;
    if (isForm)
      return new Response(null, {
        status: 303,
        headers: { Location: target, "Set-Cookie": cookie, "Cache-Control": "no-store" },
      });
    return Response.json({ ok: true, next: target }, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isForm) return toHttpResponse(error);
    return new Response(null, {
      status: 303,
      headers: { Location: signInErrorLocation(error, next), "Cache-Control": "no-store" },
    });
  }
}

/** Where a failed form sign-in goes: the sign-in page with the reason (and the wait when throttled). */
function signInErrorLocation(error: unknown, next: string): string {
  const params = new URLSearchParams();
  if (isDomainError(error)) {
    const reason =
      error.code === "THROTTLED"
        ? "throttled"
        : error.code === "FORBIDDEN"
          ? error.details?.reason
            ? "cross-site"
            : "disabled"
          : error.code === "VALIDATION"
            ? "missing"
            : "failed";
    params.set("error", reason);
    if (error.details?.retryAfterSeconds) params.set("wait", error.details.retryAfterSeconds);
  } else {
    // Causes are logged by toHttpResponse's logger; the page shows the generic message.
    toHttpResponse(error);
    params.set("error", "internal");
  }
  if (next !== "/") params.set("next", next);
  return `/sign-in?${params}`;
}

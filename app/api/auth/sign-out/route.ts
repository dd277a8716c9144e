import { productConnection } from "@/db/client";
import { signOut } from "@/lib/auth/sign-in";
import { sessionTokenFromCookieHeader } from "@/lib/auth/session-token";
import { toHttpResponse } from "@/lib/errors";
import { forgetTileScopes } from "@/tiles/resolve-tile-scope";
import { assertSameOrigin } from "../../_lib/same-origin";
import { clearSessionCookie } from "../_lib/session-cookie";

export const dynamic = "force-dynamic";

/** POST /api/auth/sign-out — revokes the session in the database, clears the cookie, back to the sign-in page. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    const token = sessionTokenFromCookieHeader(request.headers.get("cookie"));
    await signOut({ db: productConnection().db, token });
    if (token) forgetTileScopes(token);
    return new Response(null, {
      status: 303,
      headers: { Location: "/sign-in?signed-out=1", "Set-Cookie": clearSessionCookie(request), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}

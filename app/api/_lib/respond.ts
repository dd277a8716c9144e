import "server-only";
import { contextFromRequest, type RequestContext } from "@/lib/context";
import { toHttpResponse } from "@/lib/errors";
import { assertSameOrigin } from "./same-origin";

/**
 * The thin shape of every JSON route: refuse cross-site writes, build the caller's context from the
 * session cookie (401 without one), run one lib/ verb, answer JSON; a DomainError becomes its status
 * through the HTTP mapper. Personal data is never cached.
 */
export async function respond<T>(
  request: Request,
  run: (ctx: RequestContext) => Promise<T>,
  options: { personal?: boolean; status?: number | ((body: T) => number) } = {},
): Promise<Response> {
  try {
    assertSameOrigin(request);
    const ctx = await contextFromRequest(request);
    const body = await run(ctx);
    return Response.json(body, {
      status: typeof options.status === "function" ? options.status(body) : (options.status ?? 200),
      headers: { "cache-control": options.personal ? "private, no-store" : "private, max-age=0, must-revalidate" },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}

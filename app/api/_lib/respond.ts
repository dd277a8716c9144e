import "server-only";
import { getRequestContext, type RequestContext } from "@/lib/context";
import { toHttpResponse } from "@/lib/errors";

/**
 * The thin shape of every JSON route: build the request context, run one lib/ verb, answer JSON;
 * a DomainError becomes its status through the HTTP mapper. Personal data is never cached.
 */
export async function respond<T>(run: (ctx: RequestContext) => Promise<T>, options: { personal?: boolean } = {}): Promise<Response> {
  try {
    const ctx = await getRequestContext();
    const body = await run(ctx);
    return Response.json(body, { headers: { "cache-control": options.personal ? "private, no-store" : "private, max-age=0, must-revalidate" } });
  } catch (error) {
    return toHttpResponse(error);
  }
}

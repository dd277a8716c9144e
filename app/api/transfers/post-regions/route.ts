import { listPostRegions } from "@/lib/transfer/list-post-regions";
import { respond } from "../../_lib/respond";

/** GET ?departmentId= → the grids a post in that department can be on. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  return respond(request, (ctx) => listPostRegions({ ctx, input: { departmentId: url.searchParams.get("departmentId") ?? "" } }));
}

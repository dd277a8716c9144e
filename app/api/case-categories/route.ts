import { listCategories } from "@/lib/case/list-categories";
import { respond } from "../_lib/respond";

/** GET the active category tree (roots with their types) for the report form and filters. */
export async function GET(request: Request) {
  return respond(request, (ctx) => listCategories({ ctx }));
}

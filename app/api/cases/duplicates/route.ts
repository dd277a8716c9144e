import { suggestDuplicates } from "@/lib/case/suggest-duplicates";
import { respond } from "../../_lib/respond";

/** GET ?categoryId&lon&lat → open cases of the same category nearby, recently reported (offered for merging). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const number = (key: string) => (query.has(key) ? Number(query.get(key)) : undefined);
  return respond(request, (ctx) =>
    suggestDuplicates({ ctx, input: { categoryId: number("categoryId"), lon: number("lon"), lat: number("lat") } }),
  );
}

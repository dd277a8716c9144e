import { suggestDuplicates } from "@/lib/case/suggest-duplicates";
import { respond } from "../../_lib/respond";

/** GET ?categoryId&lon&lat → open cases of the same category nearby, recently reported (offered for merging). */
export async function GET(request: Request) {
  const query = new URL(request.url).searchParams;
  const number = (key: string) => (query.has(key) ? Number(query.get(key)) : undefined);
  return respond(request, (ctx) =>
    // The category id goes to the one id parser as typed ("1e3" is refused, not read as 1000).
    suggestDuplicates({
      ctx,
      input: { categoryId: query.get("categoryId") ?? undefined, lon: number("lon"), lat: number("lat") },
    }),
  );
}

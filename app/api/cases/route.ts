import { reportCase } from "@/lib/case/report-case";
import { readJsonObject } from "../_lib/read-json";
import { respond } from "../_lib/respond";

/** POST a report (信息采集) → 201 {caseId, number, replayed, duplicates}; a retry with the same clientRequestId → 200, same case. */
export async function POST(request: Request) {
  return respond(request, async (ctx) => reportCase({ ctx, input: await readJsonObject(request) }), {
    status: (result) => (result.replayed ? 200 : 201),
  });
}

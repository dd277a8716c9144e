import { readCaseNotice } from "@/lib/case/case-notices";
import { respond } from "../../../_lib/respond";

/** POST: mark one of the caller's notices read. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(request, (ctx) => readCaseNotice({ ctx, noticeId: id }));
}

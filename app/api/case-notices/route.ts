import { listCaseNotices } from "@/lib/case/case-notices";
import { respond } from "../_lib/respond";

/** GET the caller's unread case notices (红灯预警, escalations, major risks, dispatches, reminders). */
export async function GET(request: Request) {
  return respond(request, (ctx) => listCaseNotices({ ctx }));
}

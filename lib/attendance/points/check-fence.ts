import "server-only";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../context";
import { parseInput } from "../../errors";
import { checkFenceShape } from "./check-fence-shape";
import { CheckFenceInput } from "./schemas";

/**
 * Asks the server's judgement of a drawn fence without storing it (attendance.configure): the editor calls it
 * when a drawing is finished, so the user hears PostGIS's verdict (self-intersection, outside the district …)
 * before pressing save. Save checks again: this answer is advice, not a reservation.
 */
export async function checkFence({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: CheckFenceInput;
}): Promise<{ areaM2: number; vertices: number }> {
  const scope = authorize(ctx, "attendance.configure");
  const v = parseInput(CheckFenceInput, input);
  const inspection = await checkFenceShape(ctx.db, scope, v.regionId, v.fence);
  return { areaM2: Math.round(inspection.areaM2), vertices: inspection.vertices };
}

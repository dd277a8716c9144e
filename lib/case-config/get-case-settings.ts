import "server-only";
import { findSettingsForAdmin } from "../../db/queries/case-config-admin";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { wrapDatabaseError } from "../errors";
import type { SettingDto } from "./dto";

/** Every case setting with its version (case.configure). */
export async function getCaseSettings({ ctx }: { ctx: RequestContext }): Promise<SettingDto[]> {
  authorize(ctx, "case.configure");
  const rows = await findSettingsForAdmin(ctx.db).catch((e) => {
    throw wrapDatabaseError(e);
  });
  return rows.map((r) => ({ key: r.key, value: r.value, version: r.version, updatedAt: new Date(r.updatedAt).toISOString() }));
}

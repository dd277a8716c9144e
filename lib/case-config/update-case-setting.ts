import "server-only";
import { findSettingRow, updateSetting } from "../../db/queries/case-config-admin";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import type { RequestContext } from "../context";
import { parseInput } from "../errors";
import { caseDesk } from "../i18n/zh-CN/case-desk";
import { configChange, staleOrGone } from "./rules";
import { SETTING_SCHEMAS, UpdateCaseSettingInput } from "./schemas";

/**
 * Changes one case setting (case.configure): working hours, the yellow/early/reminder shares, the risk
 * bands, the duplicate window or the rate formulas — each value checked by its own schema
 * (SETTING_SCHEMAS) before it is stored.
 */
export async function updateCaseSetting({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: UpdateCaseSettingInput;
}): Promise<{ key: string; version: number; value: unknown }> {
  authorize(ctx, "case.configure");
  const { key, expectedVersion, value: raw } = parseInput(UpdateCaseSettingInput, input);
  // Field errors are reported under "value" (the form shows them beside the setting).
  const value = parseInput(SETTING_SCHEMAS[key], raw);
  return configChange(ctx, async (trx) => {
    const before = await findSettingRow(trx, key);
    if (!before) staleOrGone(undefined, caseDesk.config.errors.notFound);
    const updated = await updateSetting(trx, key, expectedVersion, value);
    if (!updated) staleOrGone(before);
    await recordAudit(trx, ctx, {
      action: "case_config.setting.update",
      entity: "case_setting",
      entityId: key,
      before: { value: before.value, version: before.version },
      after: { value: updated.value, version: updated.version },
    });
    return { key, version: updated.version, value: updated.value };
  });
}

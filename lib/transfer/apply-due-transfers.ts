import "server-only";
import type { Database } from "../../db/client";
import { findDueTransferIds } from "../../db/queries/transfer";
import { beijingDay } from "../format/time";
import { t } from "../i18n";
import { applyTransfer, type ApplyOutcome } from "./apply-transfer";

/** The system as the actor of the effective-date job's audit rows. */
const SYSTEM = {
  actor: {
    userId: null,
    username: "system",
    displayName: t.common.systemActor,
    sessionId: null,
    mustChangePassword: false,
    assignments: [],
  },
  clientAddress: null,
};

/**
 * The effective-date pass (the worker's `transfer.apply-due`): every approved transfer whose Beijing day has
 * come, each in its own transaction, so one refused transfer (a grid that already has its 专职网格员) does not
 * hold back the others.
 */
export async function applyDueTransfers(
  db: Database,
  today: string = beijingDay(),
): Promise<{ applied: number; failed: number; outcomes: ApplyOutcome[] }> {
  const ids = await findDueTransferIds(db, today);
  const outcomes: ApplyOutcome[] = [];
  for (const id of ids) outcomes.push(await applyTransfer(db, SYSTEM, id, today));
  return {
    applied: outcomes.filter((o) => o.applied).length,
    failed: outcomes.filter((o) => !o.applied && o.error !== null).length,
    outcomes,
  };
}

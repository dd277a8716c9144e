import { setAccountAssignments } from "@/lib/account/set-account-assignments";
import { setAccountDisabled } from "@/lib/account/set-account-disabled";
import type { SetAccountAssignmentsInput, SetAccountDisabledInput } from "@/lib/account/schemas";
import { DomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { respond } from "../../_lib/respond";
import { readJsonObject } from "../../_lib/read-json";

/**
 * PATCH /api/accounts/:id with either {assignments, expectedVersion} or {disabled, expectedVersion}:
 * one change per request, so each has its own audit row and its own version check.
 */
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(
    request,
    async (ctx) => {
      const body = await readJsonObject(request);
      const hasAssignments = body.assignments !== undefined;
      const hasDisabled = body.disabled !== undefined;
      if (hasAssignments === hasDisabled) throw new DomainError("VALIDATION", t.account.errors.onePatch);
      const userId = id as unknown as number;
      if (hasAssignments) {
        return setAccountAssignments({
          ctx,
          input: { userId, assignments: body.assignments, expectedVersion: body.expectedVersion } as SetAccountAssignmentsInput,
        });
      }
      return setAccountDisabled({
        ctx,
        input: { userId, disabled: body.disabled, expectedVersion: body.expectedVersion } as SetAccountDisabledInput,
      });
    },
    { personal: true },
  );
}

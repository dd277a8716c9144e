import "server-only";
import type { z } from "zod";
import type { Database } from "../../db/client";
import {
  findAccountForUpdate,
  findRegionsForAssignment,
  type AccountAssignmentRow,
  type AccountRow,
} from "../../db/queries/account";
import { roleAllows } from "../auth/permissions";
import { ROLE_REGION_LEVEL, type Role } from "../auth/roles";
import { scopeContains, type Scope } from "../auth/scope";
import { DomainError, isDomainError, parseInput } from "../errors";
import { levelNameOf } from "../grid/dto";
import { t } from "../i18n";

const text = t.account.errors;
const HAS_CHINESE = /[\u4e00-\u9fff]/;

/**
 * parseInput, with the first field's own Chinese message as the error's message (the forms show it
 * as is); zod's English defaults stay in the details only.
 */
export function parseAccountInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  try {
    return parseInput(schema, input);
  } catch (error) {
    if (!isDomainError(error) || error.code !== "VALIDATION" || !error.details) throw error;
    const message = Object.values(error.details).find((m) => HAS_CHINESE.test(m));
    throw new DomainError("VALIDATION", message ?? error.message, { cause: error.cause, details: error.details });
  }
}

/**
 * The account, locked for this transaction, if the administrator's scope covers it: every one of its
 * assignments must lie inside the scope (a street's administrator cannot touch a district account).
 * Anything else is NOT_FOUND, so ids outside the area reveal nothing.
 */
export async function loadManageableAccount(trx: Database, scope: Scope, userId: number): Promise<AccountRow> {
  const row = await findAccountForUpdate(trx, userId);
  if (!row || !row.assignments.every((a) => scopeContains(scope, a.regionPath)))
    throw new DomainError("NOT_FOUND", text.accountNotFound);
  return row;
}

/** Optimistic concurrency: the caller's copy of the account must be the current one. */
export function assertCurrentVersion(row: AccountRow, expectedVersion: number): void {
  if (row.version !== expectedVersion) {
    throw new DomainError("CONFLICT", text.stale, {
      details: { expectedVersion: String(expectedVersion), currentVersion: String(row.version) },
    });
  }
}

/**
 * Checks assignment rows against the grid tree, row by row (the message names the row, counted from 1):
 * the region exists, sits at the level the role needs (ROLE_REGION_LEVEL) and lies inside the
 * administrator's scope; no row repeats another. Returns the rows with their regions.
 */
export async function resolveAssignments(
  db: Database,
  scope: Scope,
  assignments: readonly { role: Role; regionId: number }[],
): Promise<AccountAssignmentRow[]> {
  const regions = new Map(
    (await findRegionsForAssignment(db, [...new Set(assignments.map((a) => a.regionId))])).map((r) => [r.id, r]),
  );
  const seen = new Map<string, number>();
  return assignments.map((a, index) => {
    const row = index + 1;
    const key = `${a.role}@${a.regionId}`;
    const first = seen.get(key);
    if (first !== undefined)
      throw new DomainError("VALIDATION", text.duplicateRow(row, first), { details: { [`assignments.${index}`]: "duplicate" } });
    seen.set(key, row);
    const region = regions.get(a.regionId);
    if (!region)
      throw new DomainError("VALIDATION", text.regionMissing(row), { details: { [`assignments.${index}.regionId`]: "missing" } });
    if (!scopeContains(scope, region.path)) {
      throw new DomainError("FORBIDDEN", text.outsideScope(row, region.name), {
        details: { [`assignments.${index}.regionId`]: "outside scope" },
      });
    }
    const required = ROLE_REGION_LEVEL[a.role];
    if (required !== null && region.level !== required) {
      const message = text.wrongLevel(
        row,
        t.auth.roles[a.role] ?? a.role,
        t.grid.levels[required] ?? String(required),
        region.name,
        levelNameOf(region.level, region.kind),
      );
      throw new DomainError("VALIDATION", message, { details: { [`assignments.${index}.regionId`]: "wrong level" } });
    }
    return {
      role: a.role,
      regionId: region.id,
      regionCode: region.code,
      regionName: region.name,
      regionPath: region.path,
      regionLevel: region.level,
      regionKind: region.kind,
    };
  });
}

/** An administrator editing their own roles must keep one that manages accounts, or nobody may be left to. */
export function assertKeepsAccountManagement(assignments: readonly { role: Role }[]): void {
  if (!assignments.some((a) => roleAllows(a.role, "account.manage"))) throw new DomainError("VALIDATION", text.selfLockout);
}

/** Postgres unique_violation. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "23505";
}

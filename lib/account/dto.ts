import type { AccountAssignmentRow, AccountListRow, AccountRow } from "../../db/queries/account";
import { levelNameOf } from "../grid/dto";
import { t } from "../i18n";

/** One (role, region) pair as the account pages show it. */
export type AccountAssignmentView = {
  role: string;
  roleName: string;
  regionId: number;
  regionCode: string;
  regionName: string;
  level: number;
  levelName: string;
};

/** One row of the account list (no password hash ever leaves the database layer). */
export type AccountListItem = {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  /** ISO timestamps. */
  createdAt: string;
  lastSignInAt: string | null;
  liveSessions: number;
  /** The row's version, sent back with changes (optimistic concurrency). */
  version: number;
  assignments: AccountAssignmentView[];
};

export type AccountPage = { accounts: AccountListItem[]; nextCursor: string | null };

export function toAssignmentView(a: AccountAssignmentRow): AccountAssignmentView {
  return {
    role: a.role,
    roleName: t.auth.roles[a.role] ?? a.role,
    regionId: a.regionId,
    regionCode: a.regionCode,
    regionName: a.regionName,
    level: a.regionLevel,
    levelName: levelNameOf(a.regionLevel, a.regionKind),
  };
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function toAccountListItem(row: AccountListRow): AccountListItem {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    createdAt: iso(row.createdAt),
    lastSignInAt: row.lastSignInAt ? iso(row.lastSignInAt) : null,
    liveSessions: row.liveSessions,
    version: row.version,
    assignments: row.assignments.map(toAssignmentView),
  };
}

/** What the audit log keeps of an account before and after a change: never the password hash. */
export type AccountSnapshot = {
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  version: number;
  assignments: { role: string; regionId: number; regionCode: string; regionName: string }[];
};

export function accountSnapshot(row: AccountRow): AccountSnapshot {
  return {
    username: row.username,
    displayName: row.displayName,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    version: row.version,
    assignments: row.assignments.map((a) => ({
      role: a.role,
      regionId: a.regionId,
      regionCode: a.regionCode,
      regionName: a.regionName,
    })),
  };
}

/** A region the administrator may assign (the region picker's options). */
export type RegionOption = {
  id: number;
  code: string;
  name: string;
  level: number;
  levelName: string;
  parentName: string | null;
};

/** A new account as its creator sees it once. */
export type CreatedAccount = {
  id: number;
  username: string;
  displayName: string;
  version: number;
  assignments: AccountAssignmentView[];
  /** The generated password, shown once to the administrator; null when they set one themselves. */
  temporaryPassword: string | null;
};

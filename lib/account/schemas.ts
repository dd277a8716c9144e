import { z } from "zod";
import { idSchema } from "../id";
import { ROLES } from "../auth/roles";
import { t } from "../i18n";

const text = t.account.errors;

/** Query-string values arrive as "" when a filter is cleared: treat that as "not given". */
const blankAsUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const UserId = idSchema(t.errors.invalidId, "bigint");

/** Login names are lower-case (the database checks the same pattern); typed upper case is folded. */
export const Username = z
  .string({ error: text.usernameFormat })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9_.-]{3,32}$/, text.usernameFormat);

const DisplayName = z
  .string({ error: text.displayNameRequired })
  .trim()
  .min(1, text.displayNameRequired)
  .max(40, text.displayNameTooLong);

const RoleInput = z.enum(ROLES, { error: text.unknownRole });

export const AssignmentInput = z.object({
  role: RoleInput,
  regionId: idSchema(text.regionRequired, "int4"),
});
export type AssignmentInput = z.input<typeof AssignmentInput>;

const Assignments = z
  .array(AssignmentInput, { error: text.noAssignments })
  .min(1, text.noAssignments)
  .max(20, text.tooManyAssignments);

const ExpectedVersion = idSchema(text.stale, "int4");

export const ListAccountsInput = z.object({
  q: z.preprocess(blankAsUndefined, z.string().trim().max(50, t.errors.searchTooLong).optional()),
  role: z.preprocess(blankAsUndefined, RoleInput.optional()),
  status: z.preprocess(blankAsUndefined, z.enum(["active", "disabled"]).optional()),
  /** Keyset cursor: the last username of the previous page. */
  after: z.preprocess(blankAsUndefined, z.string().max(64).optional()),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAccountsInput = z.input<typeof ListAccountsInput>;

export const CreateAccountInput = z.object({
  username: Username,
  displayName: DisplayName,
  assignments: Assignments,
  /** Optional initial password; without one a temporary password is generated. */
  password: z.preprocess(blankAsUndefined, z.string().max(128, t.auth.passwordTooWeak).optional()),
});
export type CreateAccountInput = z.input<typeof CreateAccountInput>;

export const SetAccountAssignmentsInput = z.object({
  userId: UserId,
  assignments: Assignments,
  expectedVersion: ExpectedVersion,
});
export type SetAccountAssignmentsInput = z.input<typeof SetAccountAssignmentsInput>;

export const SetAccountDisabledInput = z.object({ userId: UserId, disabled: z.boolean(), expectedVersion: ExpectedVersion });
export type SetAccountDisabledInput = z.input<typeof SetAccountDisabledInput>;

export const AccountIdInput = z.object({ userId: UserId });
export type AccountIdInput = z.input<typeof AccountIdInput>;

export const ChangeOwnPasswordInput = z.object({
  currentPassword: z
    .string({ error: t.auth.currentPasswordWrong })
    .min(1, t.auth.currentPasswordWrong)
    .max(256, t.auth.currentPasswordWrong),
  newPassword: z.string({ error: t.auth.passwordTooWeak }).max(256, t.auth.passwordTooWeak),
});
export type ChangeOwnPasswordInput = z.input<typeof ChangeOwnPasswordInput>;

export const RegionOptionsInput = z.object({
  q: z.preprocess((v) => v ?? "", z.string().trim().max(50, t.errors.searchTooLong)),
  /** The role being assigned: only regions at its level are offered. */
  role: z.preprocess(blankAsUndefined, RoleInput.optional()),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type RegionOptionsInput = z.input<typeof RegionOptionsInput>;

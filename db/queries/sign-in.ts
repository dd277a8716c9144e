import { sql } from "kysely";
import type { Database } from "../client";

export type SignInUserRow = { id: number; passwordHash: string; disabled: boolean; mustChangePassword: boolean };

export async function findUserForSignIn(db: Database, username: string): Promise<SignInUserRow | undefined> {
  return db
    .selectFrom("app_user")
    .select([
      "id",
      "password_hash as passwordHash",
      sql<boolean>`disabled_at is not null`.as("disabled"),
      "must_change_password as mustChangePassword",
    ])
    .where("username", "=", username)
    .executeTakeFirst();
}

export type FailureCountRow = { failures: number; lastFailureAt: Date | null };

/**
 * Recent failed sign-ins for an account name (since its last success), for an address, and for this name
 * from this address (since the name's last success), all within the window: the inputs of the throttle.
 */
export async function countRecentFailures(
  db: Database,
  username: string,
  address: string,
  windowMinutes: number,
): Promise<{ account: FailureCountRow; address: FailureCountRow; pairFailures: number }> {
  const { rows } = await sql<{
    accountFailures: number;
    accountLast: Date | null;
    addressFailures: number;
    addressLast: Date | null;
    pairFailures: number;
  }>`
    with account as (
      select count(*)::int as n, max(at) as last, (count(*) filter (where address = ${address}))::int as pair
        from sign_in_attempt
       where username = ${username} and not succeeded and at > now() - make_interval(mins => ${windowMinutes})
         and at > coalesce((select max(at) from sign_in_attempt where username = ${username} and succeeded), '-infinity')
    ), addr as (
      select count(*)::int as n, max(at) as last from sign_in_attempt
       where address = ${address} and not succeeded and at > now() - make_interval(mins => ${windowMinutes})
    )
    select account.n as "accountFailures", account.last as "accountLast", addr.n as "addressFailures", addr.last as "addressLast",
           account.pair as "pairFailures"
      from account, addr`.execute(db);
  const r = rows[0];
  return {
    account: { failures: r.accountFailures, lastFailureAt: r.accountLast ? new Date(r.accountLast) : null },
    address: { failures: r.addressFailures, lastFailureAt: r.addressLast ? new Date(r.addressLast) : null },
    pairFailures: r.pairFailures,
  };
}

export async function recordSignInAttempt(
  db: Database,
  row: { username: string; address: string; succeeded: boolean },
): Promise<void> {
  await db.insertInto("sign_in_attempt").values(row).execute();
}

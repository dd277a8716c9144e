import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { AccountRowActions } from "@/components/account/account-row-actions";
import { CreateAccountForm } from "@/components/account/create-account-form";
import { ConsoleFrame } from "@/components/ui/console-frame";
import type { AccountPage } from "@/lib/account/dto";
import { listAccounts } from "@/lib/account/list-accounts";
import type { ListAccountsInput } from "@/lib/account/schemas";
import { ROLES } from "@/lib/auth/roles";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: t.account.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const text = t.account;
const cell = "border-b border-slate-200 px-3 py-2 text-left align-top";
const control =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";

function pageHref(filters: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const query = params.toString();
  return query ? `/admin/accounts?${query}` : "/admin/accounts";
}

/** 账户管理: the accounts of the administrator's area (filters in the URL, keyset pages), creation and per-row actions. */
export default async function AccountsPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("account.manage");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" && params[key] !== "" ? (params[key] as string) : undefined);
  const filters = { q: one("q"), role: one("role"), status: one("status") };
  const after = one("after");

  let page: AccountPage | null = null;
  let refusal: { title: string; body: string } | null = null;
  try {
    page = await listAccounts({ ctx, input: { ...filters, after } as ListAccountsInput });
  } catch (error) {
    if (isDomainError(error) && error.code === "VALIDATION") refusal = { title: t.common.errorTitle, body: error.message };
    else throw error;
  }

  return (
    <ConsoleFrame>
      <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid="accounts-page">
        <h1 className="text-xl font-semibold text-slate-900">{text.pageTitle}</h1>
        {refusal ? (
          <div
            role="alert"
            className="mt-4 max-w-xl rounded-xl bg-amber-50 p-5 text-amber-900 ring-1 ring-amber-200"
            data-testid="accounts-refused"
          >
            <h2 className="font-semibold">{refusal.title}</h2>
            <p className="mt-1 text-sm">{refusal.body}</p>
            <Link href="/admin/accounts" className="mt-3 inline-block text-sm text-sky-700 underline">
              {text.filters.reset}
            </Link>
          </div>
        ) : (
          page && (
            <>
              <p className="mt-1 max-w-4xl text-sm text-slate-600">{text.intro}</p>
              <CreateAccountForm />
              <form
                method="get"
                action="/admin/accounts"
                role="search"
                className="mt-5 flex flex-wrap items-end gap-3"
                data-testid="account-filters"
              >
                <label className="block text-xs font-medium text-slate-600">
                  {text.filters.q}
                  <input
                    name="q"
                    type="search"
                    defaultValue={filters.q ?? ""}
                    maxLength={50}
                    className={`${control} mt-1 block w-56`}
                    data-testid="filter-q"
                  />
                </label>
                <label className="block text-xs font-medium text-slate-600">
                  {text.filters.role}
                  <select
                    name="role"
                    defaultValue={filters.role ?? ""}
                    className={`${control} mt-1 block`}
                    data-testid="filter-role"
                  >
                    <option value="">{text.filters.anyRole}</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t.auth.roles[r]}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="block text-xs font-medium text-slate-600">
                  {text.filters.status}
                  <select
                    name="status"
                    defaultValue={filters.status ?? ""}
                    className={`${control} mt-1 block`}
                    data-testid="filter-status"
                  >
                    <option value="">{text.filters.anyStatus}</option>
                    <option value="active">{text.status.active}</option>
                    <option value="disabled">{text.status.disabled}</option>
                  </select>
                </label>
                <button
                  type="submit"
                  className="rounded-lg bg-slate-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 focus-visible:ring-offset-2"
                  data-testid="filter-submit"
                >
                  {text.filters.submit}
                </button>
                {(filters.q || filters.role || filters.status) && (
                  <Link href="/admin/accounts" className="py-1.5 text-sm text-sky-700 hover:underline" data-testid="filter-reset">
                    {text.filters.reset}
                  </Link>
                )}
              </form>

              {page.accounts.length === 0 ? (
                <p
                  className="mt-6 rounded-xl bg-white p-6 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200"
                  data-testid="accounts-empty"
                >
                  {text.empty}
                </p>
              ) : (
                <table className="mt-4 w-full border-collapse rounded-lg bg-white text-sm shadow-sm" data-testid="accounts-table">
                  <thead className="bg-slate-100 text-slate-600">
                    <tr>
                      {[
                        text.columns.username,
                        text.columns.displayName,
                        text.columns.assignments,
                        text.columns.status,
                        text.columns.lastSignIn,
                        text.columns.sessions,
                        text.columns.created,
                        text.columns.actions,
                      ].map((h) => (
                        <th key={h} scope="col" className={cell}>
                          {h}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {page.accounts.map((a) => (
                      <tr
                        key={a.id}
                        className={a.disabled ? "bg-slate-50 text-slate-500" : ""}
                        data-testid="account-row"
                        data-username={a.username}
                      >
                        <td className={`${cell} font-mono text-xs`}>{a.username}</td>
                        <td className={cell}>{a.displayName}</td>
                        <td className={cell}>
                          {a.assignments.length === 0 ? (
                            <span className="text-slate-400">{text.noAssignments}</span>
                          ) : (
                            <ul className="space-y-0.5">
                              {a.assignments.map((x) => (
                                <li key={`${x.role}-${x.regionId}`}>
                                  <span className="font-medium">{x.roleName}</span> · {x.regionName}{" "}
                                  <span className="text-xs text-slate-400">{x.levelName}</span>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className={cell}>
                          <span
                            className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${a.disabled ? "bg-slate-200 text-slate-600" : "bg-emerald-100 text-emerald-800"}`}
                            data-testid="account-status"
                          >
                            {a.disabled ? text.status.disabled : text.status.active}
                          </span>
                          {a.mustChangePassword && (
                            <span className="ml-1 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">
                              {text.mustChange}
                            </span>
                          )}
                        </td>
                        <td className={`${cell} whitespace-nowrap tabular-nums`}>
                          {a.lastSignInAt ? (
                            formatDateTime(a.lastSignInAt)
                          ) : (
                            <span className="text-slate-400">{text.neverSignedIn}</span>
                          )}
                        </td>
                        <td className={`${cell} tabular-nums`} data-testid="account-sessions">
                          {a.liveSessions}
                        </td>
                        <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDateTime(a.createdAt)}</td>
                        <td className={cell}>
                          <AccountRowActions account={a} isSelf={a.id === ctx.actor.userId} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <nav className="mt-3 flex items-center gap-4 text-sm" aria-label={text.nextPage}>
                <span className="text-slate-500">{text.shown(page.accounts.length)}</span>
                {after && (
                  <Link href={pageHref(filters)} className="text-sky-700 hover:underline" data-testid="accounts-first-page">
                    {text.firstPage}
                  </Link>
                )}
                {page.nextCursor && (
                  <Link
                    href={pageHref({ ...filters, after: page.nextCursor })}
                    className="rounded-lg bg-white px-3 py-1.5 text-sky-700 shadow-sm ring-1 ring-slate-200 hover:bg-sky-50"
                    data-testid="accounts-next-page"
                  >
                    {text.nextPage} →
                  </Link>
                )}
              </nav>
            </>
          )
        )}
      </main>
    </ConsoleFrame>
  );
}

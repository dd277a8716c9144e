import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { AccountRowActions } from "@/components/account/account-row-actions";
import { CreateAccountForm } from "@/components/account/create-account-form";
import { Button } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterField, filterControlClass } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { plainCellClass, Table } from "@/components/ui/table";
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
      <PageBody testId="accounts-page">
        <PageHeader title={text.pageTitle} />
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
                <FilterField label={text.filters.q}>
                  <input
                    name="q"
                    type="search"
                    defaultValue={filters.q ?? ""}
                    maxLength={50}
                    className={`${filterControlClass} mt-1 block w-56`}
                    data-testid="filter-q"
                  />
                </FilterField>
                <FilterField label={text.filters.role}>
                  <Select
                    name="role"
                    defaultValue={filters.role ?? ""}
                    className={`${filterControlClass} mt-1 block`}
                    testId="filter-role"
                    anyLabel={text.filters.anyRole}
                    options={ROLES.map((r) => ({ value: r, label: t.auth.roles[r] }))}
                  />
                </FilterField>
                <FilterField label={text.filters.status}>
                  <Select
                    name="status"
                    defaultValue={filters.status ?? ""}
                    className={`${filterControlClass} mt-1 block`}
                    testId="filter-status"
                    anyLabel={text.filters.anyStatus}
                    options={[
                      { value: "active", label: text.status.active },
                      { value: "disabled", label: text.status.disabled },
                    ]}
                  />
                </FilterField>
                <Button type="submit" kind="dark" extra="py-1.5" testId="filter-submit">
                  {text.filters.submit}
                </Button>
                {(filters.q || filters.role || filters.status) && (
                  <Link href="/admin/accounts" className="py-1.5 text-sm text-sky-700 hover:underline" data-testid="filter-reset">
                    {text.filters.reset}
                  </Link>
                )}
              </form>

              {page.accounts.length === 0 ? (
                <EmptyState testId="accounts-empty">{text.empty}</EmptyState>
              ) : (
                <Table
                  plain
                  className="mt-4"
                  testId="accounts-table"
                  columns={[
                    text.columns.username,
                    text.columns.displayName,
                    text.columns.assignments,
                    text.columns.status,
                    text.columns.lastSignIn,
                    text.columns.sessions,
                    text.columns.created,
                    text.columns.actions,
                  ]}
                >
                  {page.accounts.map((a) => (
                    <tr
                      key={a.id}
                      className={a.disabled ? "bg-slate-50 text-slate-500" : ""}
                      data-testid="account-row"
                      data-username={a.username}
                    >
                      <td className={`${plainCellClass} font-mono text-xs`}>{a.username}</td>
                      <td className={plainCellClass}>{a.displayName}</td>
                      <td className={plainCellClass}>
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
                      <td className={plainCellClass}>
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
                      <td className={`${plainCellClass} whitespace-nowrap tabular-nums`}>
                        {a.lastSignInAt ? (
                          formatDateTime(a.lastSignInAt)
                        ) : (
                          <span className="text-slate-400">{text.neverSignedIn}</span>
                        )}
                      </td>
                      <td className={`${plainCellClass} tabular-nums`} data-testid="account-sessions">
                        {a.liveSessions}
                      </td>
                      <td className={`${plainCellClass} whitespace-nowrap tabular-nums`}>{formatDateTime(a.createdAt)}</td>
                      <td className={plainCellClass}>
                        <AccountRowActions account={a} isSelf={a.id === ctx.actor.userId} />
                      </td>
                    </tr>
                  ))}
                </Table>
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
      </PageBody>
    </ConsoleFrame>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { compactControlClass, FilterField } from "@/components/ui/field";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { cellClass, Table, TableFrame } from "@/components/ui/table";
import { textLinkClass } from "@/components/ui/text-link";
import { requirePagePermission } from "@/app/_lib/page-context";
import type { AuditEntry, LogPage, PiiAccessEntry } from "@/lib/audit/dto";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { listPiiAccessLog } from "@/lib/audit/list-pii-access-log";
import { PII_FIELDS, PII_KINDS } from "@/lib/audit/schemas";
import { isDomainError } from "@/lib/errors";
import { t } from "@/lib/i18n";
import { auditActionOptions } from "@/lib/audit/audit-labels";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: t.audit.pageTitle };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

type Tab = "pii" | "changes";

const text = t.audit;

/** The URL of this page with the given parameters (empty ones left out): filters and pages live in the URL. */
function pageUrl(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  return `/audit?${q.toString()}`;
}

/** 审计日志: the personal-data access log and the change audit, each with URL filters and keyset pages. */
export default async function AuditPage({ searchParams }: Props) {
  const ctx = await requirePagePermission("audit.read");
  const sp = await searchParams;
  const one = (key: string) => {
    const v = sp[key];
    return typeof v === "string" ? v : undefined;
  };
  const tab: Tab = one("tab") === "changes" ? "changes" : "pii";
  const dates = { from: one("from"), to: one("to") };

  let body: ReactNode;
  if (tab === "pii") {
    const filters = { user: one("user"), kind: one("kind"), field: one("field"), resident: one("resident"), ...dates };
    const result = await load(() =>
      listPiiAccessLog({
        ctx,
        input: {
          user: filters.user,
          kind: filters.kind,
          field: filters.field,
          residentId: filters.resident,
          ...dates,
          before: one("before"),
        },
      }),
    );
    body = (
      <>
        <form
          method="get"
          action="/audit"
          className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          data-testid="pii-filters"
        >
          <input type="hidden" name="tab" value="pii" />
          <Filter label={text.filters.user}>
            <input
              name="user"
              defaultValue={filters.user}
              placeholder={text.filters.userPlaceholder}
              className={`${compactControlClass} w-36`}
            />
          </Filter>
          <Filter label={text.filters.kind}>
            <select name="kind" defaultValue={filters.kind ?? ""} className={compactControlClass}>
              <option value="">{text.filters.any}</option>
              {PII_KINDS.map((k) => (
                <option key={k} value={k}>
                  {text.kinds[k]}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={text.filters.field}>
            <select name="field" defaultValue={filters.field ?? ""} className={compactControlClass}>
              <option value="">{text.filters.any}</option>
              {PII_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {text.fields[f]}
                </option>
              ))}
            </select>
          </Filter>
          <Filter label={text.filters.resident}>
            <input
              name="resident"
              defaultValue={filters.resident}
              inputMode="numeric"
              className={`${compactControlClass} w-28`}
            />
          </Filter>
          <DateFilters from={dates.from} to={dates.to} />
          <FilterButtons reset={pageUrl({ tab: "pii" })} />
        </form>
        {result.ok ? <PiiTable page={result.page} /> : <BadFilter message={result.message} />}
        {result.ok && (
          <Pager
            page={result.page}
            current={one("before")}
            next={(before) => pageUrl({ tab: "pii", ...filters, before })}
            first={pageUrl({ tab: "pii", ...filters })}
          />
        )}
      </>
    );
  } else {
    const filters = { actor: one("actor"), action: one("action"), ...dates };
    const result = await load(() => listAuditLog({ ctx, input: { ...filters, before: one("before") } }));
    body = (
      <>
        <form
          method="get"
          action="/audit"
          className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
          data-testid="change-filters"
        >
          <input type="hidden" name="tab" value="changes" />
          <Filter label={text.filters.actor}>
            <input
              name="actor"
              defaultValue={filters.actor}
              placeholder={text.filters.userPlaceholder}
              className={`${compactControlClass} w-36`}
            />
          </Filter>
          <Filter label={text.filters.action}>
            <select name="action" defaultValue={filters.action ?? ""} className={`${compactControlClass} w-56`}>
              <option value="">{text.filters.any}</option>
              {auditActionOptions(filters.action).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </Filter>
          <DateFilters from={dates.from} to={dates.to} />
          <FilterButtons reset={pageUrl({ tab: "changes" })} />
        </form>
        {result.ok ? <ChangeTable page={result.page} /> : <BadFilter message={result.message} />}
        {result.ok && (
          <Pager
            page={result.page}
            current={one("before")}
            next={(before) => pageUrl({ tab: "changes", ...filters, before })}
            first={pageUrl({ tab: "changes", ...filters })}
          />
        )}
      </>
    );
  }

  return (
    <ConsoleFrame>
      <PageBody testId="audit-page">
        <PageHeader title={text.pageTitle} intro={text.intro} />
        <nav className="mt-4 flex gap-1 border-b border-slate-200" aria-label={text.pageTitle}>
          {(["pii", "changes"] as const).map((k) => (
            <Link
              key={k}
              href={pageUrl({ tab: k })}
              aria-current={tab === k ? "page" : undefined}
              className={`-mb-px rounded-t-md border-b-2 px-4 py-2 text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${tab === k ? "border-sky-600 font-semibold text-sky-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              data-testid={`audit-tab-${k}`}
            >
              {text.tabs[k]}
            </Link>
          ))}
        </nav>
        <div className="mt-4 space-y-4">{body}</div>
      </PageBody>
    </ConsoleFrame>
  );
}

type Loaded<T> = { ok: true; page: LogPage<T> } | { ok: false; message: string };

/** A bad filter in the URL (a malformed date, an unknown kind) is shown next to the form, not as an error page. */
async function load<T>(run: () => Promise<LogPage<T>>): Promise<Loaded<T>> {
  try {
    return { ok: true, page: await run() };
  } catch (error) {
    if (isDomainError(error) && error.code === "VALIDATION") {
      return { ok: false, message: `${text.badFilter}${Object.values(error.details ?? {}).join("；") || error.message}` };
    }
    throw error;
  }
}

function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <FilterField label={label} layout="flex flex-col gap-1 text-xs text-slate-500">
      {children}
    </FilterField>
  );
}

function DateFilters({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <Filter label={text.filters.from}>
        <input type="date" name="from" defaultValue={from} className={compactControlClass} />
      </Filter>
      <Filter label={text.filters.to}>
        <input type="date" name="to" defaultValue={to} className={compactControlClass} />
      </Filter>
    </>
  );
}

function FilterButtons({ reset }: { reset: string }) {
  return (
    <div className="flex items-center gap-2">
      <Button type="submit" kind="filter">
        {text.filters.apply}
      </Button>
      <Link href={reset} className={`${textLinkClass} text-sm`}>
        {text.filters.reset}
      </Link>
    </div>
  );
}

function BadFilter({ message }: { message: string }) {
  return (
    <p
      className="rounded-lg bg-red-50 px-4 py-3 text-sm text-red-700 ring-1 ring-red-200"
      role="alert"
      data-testid="audit-bad-filter"
    >
      {message}
    </p>
  );
}

function Empty({ message }: { message: string }) {
  return (
    <EmptyState testId="audit-empty" spacing="px-4 py-8 text-center">
      {message}
    </EmptyState>
  );
}

function PiiTable({ page }: { page: LogPage<PiiAccessEntry> }) {
  if (page.entries.length === 0) return <Empty message={text.emptyPii} />;
  const c = text.piiColumns;
  return (
    <TableFrame>
      <Table
        columns={[c.at, c.user, c.kind, c.field, c.resident, c.region, c.reason, c.rows, c.unmasked, c.address]}
        testId="pii-log"
      >
        {page.entries.map((e) => (
          <tr key={e.id} data-testid="pii-log-row">
            <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatDateTime(e.at, { seconds: true })}</td>
            <td className={`${cellClass} whitespace-nowrap`}>
              {e.displayName ?? e.username}
              {e.displayName && <span className="ml-1 text-xs text-slate-400">{e.username}</span>}
            </td>
            <td className={`${cellClass} whitespace-nowrap`}>{e.kindName}</td>
            <td className={`${cellClass} whitespace-nowrap`}>{e.fieldName}</td>
            <td className={`${cellClass} whitespace-nowrap tabular-nums`}>
              {e.residentId === null ? (
                e.caseId === null ? (
                  text.none
                ) : (
                  <Link href={`/cases/${e.caseId}`} prefetch={false} className={textLinkClass}>
                    {c.caseLink(e.caseId)}
                  </Link>
                )
              ) : (
                // No prefetch: opening a resident's page is itself a logged view.
                <Link href={`/residents/${e.residentId}`} prefetch={false} className={textLinkClass}>
                  {e.residentId}
                </Link>
              )}
            </td>
            <td className={cellClass}>{e.regionName ?? (e.regionId === null ? text.none : e.regionId)}</td>
            <td className={`${cellClass} max-w-72 break-words`}>{e.reason ?? text.none}</td>
            <td className={`${cellClass} tabular-nums`}>{e.rowCount ?? text.none}</td>
            <td className={`${cellClass} whitespace-nowrap ${e.unmasked ? "font-semibold text-amber-700" : "text-slate-500"}`}>
              {e.unmasked ? text.yes : text.no}
            </td>
            <td className={`${cellClass} font-mono text-xs text-slate-500`}>{e.address ?? text.none}</td>
          </tr>
        ))}
      </Table>
    </TableFrame>
  );
}

function ChangeTable({ page }: { page: LogPage<AuditEntry> }) {
  if (page.entries.length === 0) return <Empty message={text.emptyChanges} />;
  const c = text.changeColumns;
  return (
    <TableFrame>
      <Table columns={[c.at, c.actor, c.action, c.entity, c.entityId, c.change, c.address]} testId="change-log">
        {page.entries.map((e) => (
          <tr key={e.id} data-testid="change-log-row">
            <td className={`${cellClass} whitespace-nowrap tabular-nums`}>{formatDateTime(e.at, { seconds: true })}</td>
            <td className={`${cellClass} whitespace-nowrap`}>{e.actorName}</td>
            <td className={`${cellClass} whitespace-nowrap`} title={e.action} data-testid="change-action">
              {e.actionName}
            </td>
            <td className={cellClass} title={e.entity} data-testid="change-entity">
              {e.entityName}
            </td>
            <td className={`${cellClass} font-mono text-xs`}>{e.entityId ?? text.none}</td>
            <td className={`${cellClass} text-xs`}>
              {e.change.length === 0 ? (
                <span className="text-slate-400">{text.none}</span>
              ) : (
                <ul className="space-y-0.5">
                  {e.change.map((line, i) => (
                    <li key={i} className="break-all">
                      {line}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className={`${cellClass} font-mono text-xs text-slate-500`}>{e.address ?? text.none}</td>
          </tr>
        ))}
      </Table>
    </TableFrame>
  );
}

function Pager<T>({
  page,
  current,
  next,
  first,
}: {
  page: LogPage<T>;
  current?: string;
  next: (before: number) => string;
  first: string;
}) {
  if (!current && page.nextBefore === null) {
    return page.entries.length ? <p className="text-xs text-slate-400">{text.pageNote(page.entries.length)}</p> : null;
  }
  return (
    <nav className="flex items-center gap-4 text-sm" aria-label={text.next} data-testid="audit-pager">
      <span className="text-xs text-slate-400">{text.pageNote(page.entries.length)}</span>
      {current && (
        <Link href={first} className={textLinkClass}>
          {text.first}
        </Link>
      )}
      {page.nextBefore !== null && (
        <Link href={next(page.nextBefore)} className={textLinkClass} data-testid="audit-next">
          {text.next} →
        </Link>
      )}
    </nav>
  );
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePagePermission } from "@/app/_lib/page-context";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { EmptyState } from "@/components/ui/empty-state";
import { PageBody, PageHeader } from "@/components/ui/page-header";
import { plainCellClass, Table } from "@/components/ui/table";
import { t } from "@/lib/i18n";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { listApiKeys } from "@/lib/open311/api-keys";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: open311.keys.pageTitle };
export const dynamic = "force-dynamic";

const text = open311.keys;

/** 接口密钥: the Open311 keys of the administrator's area — list, create (the token shown once), revoke. */
export default async function ApiKeysPage() {
  const ctx = await requirePagePermission("apikey.manage");
  const { keys, regions } = await listApiKeys({ ctx });
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  return (
    <ConsoleFrame>
      <PageBody testId="api-keys-page">
        <PageHeader title={text.pageTitle} intro={text.intro} introClass="mt-1 max-w-4xl" />
        <p className="mt-2 text-sm text-slate-600">
          {text.endpoint}：
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
            {origin}/open311/v2/services.json
          </code>
        </p>
        <CreateKeyForm regions={regions} />
        {keys.length === 0 ? (
          <EmptyState testId="keys-empty">{text.empty}</EmptyState>
        ) : (
          <Table
            plain
            className="mt-4"
            testId="keys-table"
            columns={Object.values(text.columns)}
            headCell={`${plainCellClass} font-medium`}
          >
            {keys.map((k) => (
              <tr key={k.id} className={k.revokedAt ? "bg-slate-50 text-slate-500" : ""} data-testid="key-row" data-name={k.name}>
                <td className={`${plainCellClass} font-medium`}>{k.name}</td>
                <td className={`${plainCellClass} font-mono text-xs`}>{k.prefix}…</td>
                <td className={plainCellClass}>{k.regionName}</td>
                <td className={plainCellClass}>{k.createdByName}</td>
                <td className={`${plainCellClass} whitespace-nowrap tabular-nums`}>{formatDateTime(k.createdAt)}</td>
                <td className={`${plainCellClass} whitespace-nowrap tabular-nums`}>
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="text-slate-400">{text.neverUsed}</span>}
                </td>
                <td className={`${plainCellClass} tabular-nums`}>{k.requestCount}</td>
                <td className={plainCellClass}>
                  <span
                    className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${k.revokedAt ? "bg-slate-200 text-slate-600" : "bg-emerald-100 text-emerald-800"}`}
                    data-testid="key-status"
                  >
                    {k.revokedAt ? text.status.revoked : text.status.active}
                  </span>
                </td>
                <td className={plainCellClass}>{k.revokedAt ? null : <RevokeKeyButton id={k.id} name={k.name} />}</td>
              </tr>
            ))}
          </Table>
        )}
      </PageBody>
    </ConsoleFrame>
  );
}

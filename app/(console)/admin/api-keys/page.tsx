import type { Metadata } from "next";
import { headers } from "next/headers";
import { requirePagePermission } from "@/app/_lib/page-context";
import { CreateKeyForm } from "@/components/api-keys/create-key-form";
import { RevokeKeyButton } from "@/components/api-keys/revoke-key-button";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { t } from "@/lib/i18n";
import { open311 } from "@/lib/i18n/zh-CN/open311";
import { listApiKeys } from "@/lib/open311/api-keys";
import { formatDateTime } from "@/lib/format/time";

export const metadata: Metadata = { title: open311.keys.pageTitle };
export const dynamic = "force-dynamic";

const text = open311.keys;
const cell = "border-b border-slate-200 px-3 py-2 text-left align-top";

/** 接口密钥: the Open311 keys of the administrator's area — list, create (the token shown once), revoke. */
export default async function ApiKeysPage() {
  const ctx = await requirePagePermission("apikey.manage");
  const { keys, regions } = await listApiKeys({ ctx });
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("x-forwarded-host") ?? h.get("host") ?? "localhost"}`;
  return (
    <ConsoleFrame>
      <main className="flex-1 overflow-auto bg-slate-50 p-6" data-testid="api-keys-page">
        <h1 className="text-xl font-semibold text-slate-900">{text.pageTitle}</h1>
        <p className="mt-1 max-w-4xl text-sm text-slate-600">{text.intro}</p>
        <p className="mt-2 text-sm text-slate-600">
          {text.endpoint}：
          <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
            {origin}/open311/v2/services.json
          </code>
        </p>
        <CreateKeyForm regions={regions} />
        {keys.length === 0 ? (
          <p
            className="mt-6 rounded-xl bg-white p-6 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200"
            data-testid="keys-empty"
          >
            {text.empty}
          </p>
        ) : (
          <table className="mt-4 w-full border-collapse rounded-lg bg-white text-sm shadow-sm" data-testid="keys-table">
            <thead className="bg-slate-100 text-slate-600">
              <tr>
                {Object.values(text.columns).map((h) => (
                  <th key={h} scope="col" className={`${cell} font-medium`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr
                  key={k.id}
                  className={k.revokedAt ? "bg-slate-50 text-slate-500" : ""}
                  data-testid="key-row"
                  data-name={k.name}
                >
                  <td className={`${cell} font-medium`}>{k.name}</td>
                  <td className={`${cell} font-mono text-xs`}>{k.prefix}…</td>
                  <td className={cell}>{k.regionName}</td>
                  <td className={cell}>{k.createdByName}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>{formatDateTime(k.createdAt)}</td>
                  <td className={`${cell} whitespace-nowrap tabular-nums`}>
                    {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : <span className="text-slate-400">{text.neverUsed}</span>}
                  </td>
                  <td className={`${cell} tabular-nums`}>{k.requestCount}</td>
                  <td className={cell}>
                    <span
                      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${k.revokedAt ? "bg-slate-200 text-slate-600" : "bg-emerald-100 text-emerald-800"}`}
                      data-testid="key-status"
                    >
                      {k.revokedAt ? text.status.revoked : text.status.active}
                    </span>
                  </td>
                  <td className={cell}>{k.revokedAt ? null : <RevokeKeyButton id={k.id} name={k.name} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </ConsoleFrame>
  );
}

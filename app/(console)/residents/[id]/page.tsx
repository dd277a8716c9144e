import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { RevealField } from "@/components/resident/reveal-field";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { textLinkClass } from "@/components/ui/text-link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { t } from "@/lib/i18n";
import type { OccupantDto } from "@/lib/resident/dto";
import { getResidentDetail } from "@/lib/resident/get-resident-detail";
import { ResidentTags } from "@/components/resident/resident-tags";
import { PageBody } from "@/components/ui/page-header";

// A fixed title: the name would need a second (logged) read of the person just for the tab.
export const metadata: Metadata = { title: t.resident.pageTitle };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const text = t.resident;

/** 居民详情: one resident, masked, with reveal-with-reason per field; the view itself is logged by the verb. */
export default async function ResidentPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requirePagePermission("resident.read");
  const detail = await getResidentDetail({ ctx, input: { id: id as unknown as number } }).catch(rethrowForPage);
  const { resident: r, household: h, address: a, members, canReveal } = detail;
  const f = text.fields;

  return (
    <ConsoleFrame back={{ href: `/buildings/${a.buildingId}`, label: text.backToBuilding, testId: "back-to-building" }}>
      <PageBody testId="resident-page">
        <nav aria-label="breadcrumb" className="text-xs text-slate-500" data-testid="resident-breadcrumb">
          <ol className="flex flex-wrap items-center gap-1">
            {a.areaPath && <li>{a.areaPath} /</li>}
            <li>{a.gridName} /</li>
            <li>
              <Link href={`/buildings/${a.buildingId}`} className={textLinkClass}>
                {a.buildingName}
              </Link>{" "}
              /
            </li>
            <li aria-current="page">{text.roomPosition(a.entrance, a.floor, a.roomNumber)}</li>
          </ol>
        </nav>

        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-slate-900" data-testid="resident-name">
            {r.nameMasked ? (
              <RevealField residentId={r.id} field="name" label={f.name} masked={r.name} allowed={canReveal.name} mono={false} />
            ) : (
              r.name
            )}
          </h1>
          {r.keyPerson && (
            <span className="rounded bg-red-50 px-2 py-0.5 text-xs text-red-700 ring-1 ring-red-200">{f.keyPerson}</span>
          )}
          <span
            className={`rounded px-2 py-0.5 text-xs ring-1 ${h.registration === "floating" ? "bg-orange-50 text-orange-700 ring-orange-200" : "bg-sky-50 text-sky-700 ring-sky-200"}`}
          >
            {h.registrationName}
          </span>
          {r.tags.map((tag) => (
            <span key={tag} className="rounded bg-violet-50 px-2 py-0.5 text-xs text-violet-700 ring-1 ring-violet-200">
              {tag}
            </span>
          ))}
        </div>
        {r.keyPerson && <p className="mt-2 text-xs text-red-700">{text.keyPersonNote}</p>}

        <div className="mt-5 grid max-w-5xl gap-5 lg:grid-cols-2">
          <Card title={text.sections.person}>
            <Facts>
              <Fact label={f.gender}>{r.genderName}</Fact>
              <Fact label={f.age}>{t.building.ageValue(r.age)}</Fact>
              <Fact label={f.relation}>{r.relationName}</Fact>
              <Fact label={f.idNumber} testId="fact-id-number">
                <RevealField
                  residentId={r.id}
                  field="id_number"
                  label={f.idNumber}
                  masked={r.idNumberMasked}
                  allowed={canReveal.idNumber}
                />
              </Fact>
              <Fact label={f.phone} testId="fact-phone">
                <RevealField residentId={r.id} field="phone" label={f.phone} masked={r.phoneMasked} allowed={canReveal.phone} />
              </Fact>
              <Fact label={f.tags}>{r.tags.length ? r.tags.join("、") : text.noTags}</Fact>
              <Fact label={f.keyPerson}>{r.keyPerson ? text.yes : text.no}</Fact>
            </Facts>
          </Card>
          <Card title={text.sections.household}>
            <Facts>
              <Fact label={f.householdType}>{h.typeName}</Fact>
              <Fact label={f.registration}>{h.registrationName}</Fact>
              <Fact label={f.workUnit}>{h.workUnit ?? text.none}</Fact>
              <Fact label={f.address}>
                <Link href={`/buildings/${a.buildingId}`} className={textLinkClass} data-testid="resident-address">
                  {text.roomAddress(a.buildingAddress, a.roomNumber)}
                </Link>
              </Fact>
              <Fact label={f.grid}>
                {a.gridName} <span className="font-mono text-xs text-slate-400">{a.gridCode}</span>
              </Fact>
              {a.areaPath && <Fact label={f.area}>{a.areaPath}</Fact>}
            </Facts>
          </Card>
        </div>

        <section className="mt-5 max-w-5xl rounded-xl bg-white shadow-sm ring-1 ring-slate-200" data-testid="household-members">
          <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-800">{text.sections.members}</h2>
          {members.length === 0 ? (
            <p className="px-5 py-4 text-sm text-slate-500" data-testid="no-members">
              {text.noMembers}
            </p>
          ) : (
            <MembersTable members={members} />
          )}
        </section>

        <p className="mt-4 max-w-5xl text-xs text-slate-500">{text.maskNote}</p>
        <p className="mt-1 max-w-5xl text-xs text-slate-400">{text.viewLogged}</p>
      </PageBody>
    </ConsoleFrame>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-800">{title}</h2>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}

function Facts({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-3 text-sm">{children}</dl>;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900" data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

function MembersTable({ members }: { members: OccupantDto[] }) {
  const c = t.building.residentColumns;
  return (
    <table className="w-full text-left text-sm">
      <thead className="text-xs text-slate-400">
        <tr>
          {[c.name, c.gender, c.age, c.relation, c.idNumber, c.phone, c.tags].map((h) => (
            <th key={h} scope="col" className="px-5 py-2 font-medium whitespace-nowrap">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {members.map((m) => (
          <tr key={m.id} data-testid="member-row">
            <td className="px-5 py-2 font-medium whitespace-nowrap">
              {/* No prefetch: opening a resident's page is a logged view of personal data. */}
              <Link href={`/residents/${m.id}`} prefetch={false} className={textLinkClass} data-testid="member-link">
                {m.name}
              </Link>
            </td>
            <td className="px-5 py-2 whitespace-nowrap">{m.genderName}</td>
            <td className="px-5 py-2 whitespace-nowrap tabular-nums">{t.building.ageValue(m.age)}</td>
            <td className="px-5 py-2 whitespace-nowrap">{m.relationName}</td>
            <td className="px-5 py-2 font-mono whitespace-nowrap text-slate-700">{m.idNumberMasked}</td>
            <td className="px-5 py-2 font-mono whitespace-nowrap text-slate-700">{m.phoneMasked ?? "—"}</td>
            <td className="px-5 py-2">
              <ResidentTags keyPerson={m.keyPerson} tags={m.tags} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

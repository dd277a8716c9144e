import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { StaffJobsTable, StaffPostsTable } from "@/components/staff/staff-history";
import { StaffPhotoUpload } from "@/components/staff/staff-photo-upload";
import { StaffRevealField } from "@/components/staff/staff-reveal-field";
import { StaffTransfersSlot } from "@/components/staff/staff-transfers-slot";
import { StaffTransferHistory } from "@/components/transfer/staff-transfer-history";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { PageBody } from "@/components/ui/page-header";
import { textLinkClass } from "@/components/ui/text-link";
import { t } from "@/lib/i18n";
import { getStaffDetail } from "@/lib/org/get-staff-detail";
import { canRequestTransfer, listStaffTransfers } from "@/lib/transfer/list-staff-transfers";

// A fixed title: the name would need a second (logged) read of the person just for the tab.
export const metadata: Metadata = { title: t.org.staff.detailTitle };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const text = t.org.staff;
const f = text.fields;

/** 人员档案: one person, masked, with 查看 per field, the job history and grid posts; the view is logged by the verb. */
export default async function StaffDetailPage({ params }: Props) {
  const { id } = await params;
  const ctx = await requirePagePermission("staff.read");
  const s = await getStaffDetail({ ctx, input: { id: id as unknown as number } }).catch(rethrowForPage);
  const transfers = await listStaffTransfers({ ctx, staffId: s.id });

  return (
    <ConsoleFrame back={{ href: `/staff?department=${s.departmentId}`, label: text.backToList, testId: "back-to-staff" }}>
      <PageBody testId="staff-detail-page">
        <div className="flex max-w-5xl flex-wrap items-start gap-5">
          <div className="h-32 w-24 shrink-0 overflow-hidden rounded-lg bg-slate-200 ring-1 ring-slate-300">
            {s.hasPhoto ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-person photo; no optimisation wanted
              <img
                src={`/api/staff/${s.id}/photo?v=${s.version}`}
                alt={text.photoAlt(s.name)}
                className="h-full w-full object-cover"
                data-testid="staff-photo"
              />
            ) : (
              <span className="grid h-full place-items-center text-xs text-slate-500">{text.noPhoto}</span>
            )}
          </div>
          <div className="min-w-0 flex-1">
            <nav aria-label="breadcrumb" className="text-xs text-slate-500" data-testid="staff-breadcrumb">
              {s.departmentPath}
            </nav>
            <div className="mt-1 flex flex-wrap items-center gap-3">
              <h1 className="text-xl font-semibold text-slate-900" data-testid="staff-name">
                {s.name}
              </h1>
              <span className="font-mono text-sm text-slate-500">{s.staffNo}</span>
              {s.inService ? (
                <span className="rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
                  {text.inService}
                </span>
              ) : (
                <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200">{text.left}</span>
              )}
              {s.posts.map((p) => (
                <span
                  key={`${p.role}-${p.regionId}`}
                  className="rounded bg-sky-50 px-2 py-0.5 text-xs text-sky-700 ring-1 ring-sky-200"
                >
                  {p.roleName} · {p.regionName}
                </span>
              ))}
              {s.canManage && (
                <Link
                  href={`/staff/${s.id}/edit`}
                  className="ml-auto rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-700"
                  data-testid="staff-edit-link"
                >
                  {text.edit}
                </Link>
              )}
            </div>
            {s.canManage && <StaffPhotoUpload staffId={s.id} />}
          </div>
        </div>

        <div className="mt-5 grid max-w-5xl gap-5 lg:grid-cols-2">
          <Card title={text.sections.person}>
            <Facts>
              <Fact label={f.gender}>{s.genderName}</Fact>
              <Fact label={f.idNumber} testId="fact-id-number">
                <StaffRevealField
                  staffId={s.id}
                  field="id_number"
                  label={f.idNumber}
                  masked={s.idNumberMasked}
                  allowed={s.canReveal}
                />
              </Fact>
              <Fact label={f.phone} testId="fact-phone">
                <StaffRevealField staffId={s.id} field="phone" label={f.phone} masked={s.phoneMasked} allowed={s.canReveal} />
              </Fact>
              <Fact label={f.account}>{s.username ?? text.noAccount}</Fact>
            </Facts>
          </Card>
          <Card title={text.sections.job}>
            <Facts>
              <Fact label={f.department} testId="fact-department">
                <Link href={`/staff?department=${s.departmentId}`} className={textLinkClass}>
                  {s.departmentName}
                </Link>
              </Fact>
              <Fact label={f.position} testId="fact-position">
                {s.positionName}
              </Fact>
              <Fact label={f.rank} testId="fact-rank">
                {s.rankName}
              </Fact>
              <Fact label={f.hireDate}>{s.hireDate}</Fact>
              <Fact label={f.leaveDate}>{s.leaveDate ?? text.none}</Fact>
            </Facts>
          </Card>
        </div>

        <div className="mt-5 max-w-5xl space-y-5">
          <Section title={text.sections.jobs}>
            <StaffJobsTable jobs={s.jobs} />
          </Section>
          <Section title={text.sections.posts}>
            <StaffPostsTable posts={s.gridPosts} />
          </Section>
          <StaffTransfersSlot staffId={s.id}>
            <StaffTransferHistory staffId={s.id} transfers={transfers} canRequest={canRequestTransfer(ctx)} />
          </StaffTransfersSlot>
        </div>

        <p className="mt-4 max-w-5xl text-xs text-slate-500">{text.maskNote}</p>
        <p className="mt-1 max-w-5xl text-xs text-slate-400">{text.viewLogged}</p>
      </PageBody>
    </ConsoleFrame>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <h2 className="border-b border-slate-100 px-5 py-3 text-sm font-semibold text-slate-800">{title}</h2>
      {children}
    </section>
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

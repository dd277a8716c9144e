import type { Metadata } from "next";
import Link from "next/link";
import { requireMobilePermission } from "@/app/m/_lib/mobile-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { CaseLightBadge } from "@/components/case/case-light-badge";
import { CaseTimeline } from "@/components/case/case-timeline";
import { deadlineNote } from "@/lib/case/deadline-note";
import { formatShortDateTime } from "@/lib/format/time";
import { MobileCaseActions } from "@/components/mobile/mobile-case-actions";
import { MobileHeader } from "@/components/mobile/mobile-header";
import type { CaseDetailDto } from "@/lib/case/case-dto";
import { getCase } from "@/lib/case/get-case";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { casePhotoStages } from "@/lib/i18n/zh-CN/case-inbox";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";

export const metadata: Metadata = { title: caseIntake.shell.caseTitle };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const text = caseIntake.caseView;

/** One case on the phone: the summary, its photos, the steps the caller may take, and the timeline. */
export default async function MobileCasePage({ params }: Props) {
  const { id } = await params;
  const ctx = await requireMobilePermission("case.read");
  const back = { href: "/m/tasks", label: caseIntake.shell.tasksTitle };
  let detail: CaseDetailDto;
  try {
    detail = await getCase({ ctx, caseId: id });
  } catch (error) {
    rethrowForPage(error);
  }
  const note = detail.deadlineAt && detail.light ? deadlineNote(detail.deadlineAt, new Date()) : null;
  const rows: [string, string | null][] = [
    [text.category, detail.categoryName],
    [text.state, caseLoop.stateLabels[detail.state]],
    [text.level, caseLoop.levelLabels[detail.level]],
    [caseIntake.form.urgency, cases.urgencies[detail.urgency]],
    [text.address, detail.address],
    [
      text.grid,
      detail.breadcrumb
        .map((r) => r.name)
        .slice(1)
        .join(" › "),
    ],
    [text.reporter, detail.reporterName ?? "—"],
    [text.leadUnit, detail.leadUnitName],
  ];
  return (
    <>
      <MobileHeader
        title={detail.number}
        back={back}
        action={
          <Link
            href={`/cases/${detail.id}`}
            className="grid h-11 place-items-center rounded-lg px-2 text-xs text-slate-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
          >
            {caseIntake.tasks.openOnConsole}
          </Link>
        }
      />
      <main
        className="space-y-5 p-4 pb-10"
        data-testid="m-case"
        data-case-id={detail.id}
        data-state={detail.state}
        data-version={detail.version}
      >
        <section className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label={text.summary}>
          <div className="flex items-center justify-between gap-2">
            <span className="text-lg font-semibold text-slate-900">{detail.categoryName}</span>
            <CaseLightBadge light={detail.light} />
          </div>
          <p className="mt-2 whitespace-pre-wrap text-base leading-6 text-slate-800" data-testid="m-case-description">
            {detail.description}
          </p>
          {detail.deadlineAt && (
            <p
              className={`mt-3 rounded-lg px-3 py-2 text-sm ${note?.overdue ? "bg-red-50 text-red-800" : "bg-slate-50 text-slate-700"}`}
              data-testid="m-case-deadline"
            >
              {text.deadline}：{formatShortDateTime(detail.deadlineAt)}
              {note && `（${note.text}）`}
            </p>
          )}
          <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-x-3 gap-y-1.5 text-sm">
            {rows
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-slate-500">{label}</dt>
                  <dd className="text-slate-800">{value}</dd>
                </div>
              ))}
          </dl>
        </section>

        {detail.photoIds.length > 0 && (
          <section aria-label={text.photos}>
            <h2 className="mb-2 text-base font-semibold text-slate-900">{text.photos}</h2>
            <ul className="grid grid-cols-3 gap-2" data-testid="m-case-photos">
              {detail.photos.map((photo, i) => (
                <li
                  key={photo.id}
                  className="relative aspect-square overflow-hidden rounded-lg bg-slate-200"
                  data-stage={photo.stage}
                >
                  <a href={`/api/case-photos/${photo.id}`} target="_blank" rel="noreferrer">
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route with the caller's session */}
                    <img
                      src={`/api/case-photos/${photo.id}`}
                      alt={caseIntake.photos.alt(i + 1)}
                      className="h-full w-full object-cover"
                      loading="lazy"
                    />
                  </a>
                  {/* 上报 / 处置前 / 处置后: which step the photo came with (lib/case/photos/photo-stage.ts) */}
                  <span className="absolute bottom-1 left-1 rounded bg-slate-900/70 px-1.5 py-0.5 text-[11px] text-white">
                    {casePhotoStages.labels[photo.stage]}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-label={text.actions}>
          <h2 className="mb-2 text-base font-semibold text-slate-900">{text.actions}</h2>
          <MobileCaseActions
            detail={{
              id: detail.id,
              version: detail.version,
              availableActions: detail.availableActions,
              blockedActions: detail.blockedActions,
              proposedRouting: detail.proposedRouting,
            }}
          />
        </section>

        <section aria-label={text.timeline}>
          <h2 className="mb-3 text-base font-semibold text-slate-900">{text.timeline}</h2>
          <div className="rounded-2xl bg-white p-4 pl-6 ring-1 ring-slate-200">
            <CaseTimeline events={detail.events} />
          </div>
        </section>
      </main>
    </>
  );
}

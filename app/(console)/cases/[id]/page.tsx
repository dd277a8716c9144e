import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CaseActions } from "@/components/case/case-actions";
import { CaseLightBadge } from "@/components/case/case-light-badge";
import { CaseRisk } from "@/components/case/case-risk";
import { CaseTextReveal } from "@/components/case/case-text-reveal";
import { CaseTimeline } from "@/components/case/case-timeline";
import { PhotoCompare } from "@/components/case/photo-compare";
import { ConsoleFrame } from "@/components/ui/console-frame";
import { textLinkClass } from "@/components/ui/text-link";
import { requirePagePermission } from "@/app/_lib/page-context";
import { rethrowForPage } from "@/app/_lib/page-errors";
import { getCase } from "@/lib/case/get-case";
import { listDispatchUnits } from "@/lib/case/list-dispatch-units";
import { formatDateTime } from "@/lib/format/time";
import { t } from "@/lib/i18n";
import { cases } from "@/lib/i18n/zh-CN/case";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { casePhotoStages } from "@/lib/i18n/zh-CN/case-inbox";
import { casePage } from "@/lib/i18n/zh-CN/case-page";

export const metadata: Metadata = { title: casePage.pageTitle };
export const dynamic = "force-dynamic";

const text = casePage;
/** States in which the verifier compares the disposal with the report (核查). */
const VERIFY_STATES: readonly string[] = ["reported_back", "verifying"];
const f = text.fields;
const RISK_BADGE = {
  general: "bg-slate-50 text-slate-700 ring-slate-300",
  important: "bg-amber-50 text-amber-800 ring-amber-300",
  major: "bg-red-50 text-red-700 ring-red-300",
} as const;

/** 案件详情: the case's facts, photos, timeline and the steps the caller may take now. */
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requirePagePermission("case.read");
  const c = await getCase({ ctx, caseId: id }).catch(rethrowForPage);
  const units = c.availableActions.includes("dispatch")
    ? await listDispatchUnits({ ctx, caseId: c.id }).catch(rethrowForPage)
    : [];

  // 上报 photos stay with the description; the disposal's are compared before | after (核查), the rest listed apart.
  const reportPhotos = c.photos.filter((p) => p.stage === "report");
  const otherPhotos = c.photos.filter((p) => p.stage === "other");
  const showCompare = c.photos.some((p) => p.stage === "handle" || p.stage === "report_back") || VERIFY_STATES.includes(c.state);

  return (
    <ConsoleFrame back={{ href: "/cases", label: text.backToList }}>
      <main
        className="flex-1 overflow-auto bg-slate-50 p-6"
        data-testid="case-page"
        data-case-id={c.id}
        data-state={c.state}
        data-version={c.version}
      >
        <nav aria-label="breadcrumb" className="text-xs text-slate-500">
          {c.breadcrumb.map((r) => r.name).join(" / ")}
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold text-slate-900" data-testid="case-number">
            {c.number}
          </h1>
          <span className="rounded bg-slate-800 px-2 py-0.5 text-xs text-white" data-testid="case-state">
            {caseLoop.stateLabels[c.state]}
          </span>
          <CaseLightBadge light={c.light} />
          <span className="rounded bg-white px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-300" data-testid="case-level">
            {text.levelBadge(caseLoop.levelLabels[c.level])}
          </span>
          <span className="text-sm text-slate-600">{c.categoryName}</span>
          {c.risk && (
            <span className={`rounded px-2 py-0.5 text-xs ring-1 ${RISK_BADGE[c.risk.grade]}`} data-testid="case-risk-badge">
              {text.riskBadge(caseLoop.riskGradeLabels[c.risk.grade])}
            </span>
          )}
          <Link href={`/?case=${c.id}`} className={`${textLinkClass} text-sm`}>
            {text.showOnMap}
          </Link>
        </div>

        <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
          <div className="space-y-4">
            <Section title={text.sections.description}>
              <p className="whitespace-pre-wrap text-sm text-slate-800" data-testid="case-description">
                {c.description}
              </p>
              {c.personalText.textMasked && (
                <CaseTextReveal
                  caseId={c.id}
                  mayReveal={c.personalText.mayReveal}
                  events={c.events.map((e) => ({ id: e.id, at: e.at, actorName: e.actorName }))}
                />
              )}
              {reportPhotos.length > 0 ? (
                <div className="mt-3 flex flex-wrap gap-2" data-testid="case-report-photos">
                  {reportPhotos.map((p) => (
                    <a key={p.id} href={`/api/case-photos/${p.id}`} target="_blank" rel="noreferrer" className="block">
                      {/* eslint-disable-next-line @next/next/no-img-element -- private photos behind the session, not optimisable */}
                      <img
                        src={`/api/case-photos/${p.id}`}
                        alt={casePhotoStages.labels[p.stage]}
                        className="h-24 w-24 rounded object-cover ring-1 ring-slate-200"
                      />
                    </a>
                  ))}
                </div>
              ) : null}
            </Section>
            {showCompare && (
              <Section title={casePhotoStages.compareTitle}>
                <PhotoCompare photos={c.photos} />
              </Section>
            )}
            {otherPhotos.length > 0 && (
              <Section title={casePhotoStages.labels.other}>
                <div className="flex flex-wrap gap-2">
                  {otherPhotos.map((p) => (
                    <a key={p.id} href={`/api/case-photos/${p.id}`} target="_blank" rel="noreferrer" className="block">
                      {/* eslint-disable-next-line @next/next/no-img-element -- private photos behind the session, not optimisable */}
                      <img
                        src={`/api/case-photos/${p.id}`}
                        alt={casePhotoStages.labels.other}
                        className="h-24 w-24 rounded object-cover ring-1 ring-slate-200"
                      />
                    </a>
                  ))}
                </div>
              </Section>
            )}
            <Section title={text.sections.facts}>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="case-facts">
                <Fact label={f.source} value={`${text.sources[c.source]} · ${text.channels[c.channel]}`} />
                <Fact label={f.kind} value={text.kinds[c.kind]} />
                <Fact label={f.urgency} value={cases.urgencies[c.urgency]} />
                <Fact label={f.stage} value={c.stage ? cases.stages[c.stage] : text.none} />
                <Fact label={f.reportedAt} value={formatDateTime(c.reportedAt)} />
                <Fact label={f.deadline} value={formatDateTime(c.deadlineAt)} testId="case-deadline" />
                <Fact label={f.handleDeadline} value={formatDateTime(c.handleDeadlineAt)} />
                <Fact label={f.closedAt} value={formatDateTime(c.closedAt)} />
                <Fact label={f.place} value={c.gridName} />
                <Fact label={f.address} value={c.address ?? text.none} />
                <Fact label={f.reporter} value={c.reporterName ?? text.none} />
                <Fact label={f.reporterPhone} value={c.reporterPhoneMasked ?? text.none} />
                <Fact label={f.leadUnit} value={c.leadUnitName ?? text.none} testId="case-lead-unit" />
                <Fact label={f.coUnits} value={c.coUnits.map((u) => u.name).join("、") || text.none} />
                <Fact label={f.handledBy} value={c.handledByUnitName ?? text.none} />
                {c.externalId && <Fact label={f.externalId} value={c.externalId} />}
                {c.extensionPending && <Fact label={f.extensionPending} value={t.common.yes} />}
                {c.reopenCount > 0 && <Fact label={f.reopenCount} value={String(c.reopenCount)} />}
                {c.supervisionCount > 0 && <Fact label={f.supervisionCount} value={String(c.supervisionCount)} />}
                {c.mergedIntoId && (
                  <Fact
                    label={f.mergedInto}
                    value={
                      <Link href={`/cases/${c.mergedIntoId}`} className={textLinkClass}>
                        #{c.mergedIntoId}
                      </Link>
                    }
                  />
                )}
              </dl>
            </Section>
            {(c.riskAssessed || c.risk) && (
              <Section title={text.risk.title}>
                <CaseRisk detail={c} />
              </Section>
            )}
            <Section title={text.sections.ratings}>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="case-ratings">
                <Fact
                  label={f.discoveryStars}
                  value={
                    c.discoveryStars
                      ? `${text.stars(c.discoveryStars)} ${caseLoop.discoveryStarLabels[c.discoveryStars as 1]}`
                      : text.none
                  }
                />
                <Fact label={f.timeliness} value={c.timeliness ? caseLoop.timelinessLabels[c.timeliness] : text.none} />
                <Fact
                  label={f.satisfaction}
                  value={c.satisfaction ? (caseLoop.satisfactionLabels as Record<string, string>)[c.satisfaction] : text.none}
                />
                <Fact
                  label={f.resolution}
                  value={c.resolution ? (caseLoop.resolutionLabels as Record<string, string>)[c.resolution] : text.none}
                  testId="case-resolution"
                />
                <Fact
                  label={f.disposalStars}
                  value={c.disposalStars ? text.stars(c.disposalStars) : text.none}
                  testId="case-disposal-stars"
                />
              </dl>
            </Section>
          </div>
          <div className="space-y-4">
            <Section title={text.sections.actions}>
              <CaseActions detail={c} units={units} />
            </Section>
            <Section title={text.sections.timeline}>
              <CaseTimeline events={c.events} />
            </Section>
          </div>
        </div>
      </main>
    </ConsoleFrame>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 className="mb-3 text-sm font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Fact({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div className="flex gap-2">
      <dt className="w-24 shrink-0 text-slate-500">{label}</dt>
      <dd className="min-w-0 text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

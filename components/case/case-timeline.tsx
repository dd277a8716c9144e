import type { CaseEventDto } from "@/lib/case/case-dto";
import { formatDateTime } from "@/lib/format/time";
import { caseLoop } from "@/lib/i18n/zh-CN/case-loop";
import { casePage } from "@/lib/i18n/zh-CN/case-page";

const text = casePage;

/** The label of a timeline row: a loop action, or a system/intake action. */
export function eventLabel(action: string): string {
  return (caseLoop.actionLabels as Record<string, string>)[action] ?? text.systemActions[action] ?? action;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

/** A risk in a timeline row's details ({value, grade, …}), or null. */
function riskOf(v: unknown): { value: number; grade: string } | null {
  return isRecord(v) && typeof v.value === "number" && typeof v.grade === "string" ? { value: v.value, grade: v.grade } : null;
}

const gradeLabel = (grade: string) => (caseLoop.riskGradeLabels as Record<string, string>)[grade] ?? grade;

function detailLines(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const lines: string[] = [];
  if (typeof details.leadUnit === "string") lines.push(`${text.fields.leadUnit}：${details.leadUnit}`);
  if (Array.isArray(details.coUnits) && details.coUnits.length)
    lines.push(`${text.fields.coUnits}：${details.coUnits.join("、")}`);
  if (typeof details.returnReason === "string")
    lines.push(
      text.returnReasonLine(
        (caseLoop.returnReasonLabels as Record<string, string>)[details.returnReason] ?? details.returnReason,
      ),
    );
  if (typeof details.satisfaction === "string")
    lines.push(
      `${text.fields.satisfaction}：${(caseLoop.satisfactionLabels as Record<string, string>)[details.satisfaction] ?? details.satisfaction}`,
    );
  if (typeof details.timeliness === "string")
    lines.push(
      `${text.fields.timeliness}：${(caseLoop.timelinessLabels as Record<string, string>)[details.timeliness] ?? details.timeliness}`,
    );
  if (typeof details.resolution === "string")
    lines.push(
      `${text.fields.resolution}：${(caseLoop.resolutionLabels as Record<string, string>)[details.resolution] ?? details.resolution}`,
    );
  if (typeof details.disposalStars === "number") lines.push(`${text.fields.disposalStars}：${text.stars(details.disposalStars)}`);
  if (typeof details.discoveryStars === "number")
    lines.push(`${text.fields.discoveryStars}：${text.stars(details.discoveryStars)}`);
  const risk = riskOf(details.risk);
  if (risk) lines.push(`${text.fields.risk}：${text.riskValue(risk.value, gradeLabel(risk.grade))}`);
  const previous = riskOf(details.previous);
  if (previous) lines.push(text.risk.revisedFrom(previous.value, gradeLabel(previous.grade)));
  if (isRecord(details.risk) && isRecord(details.previous) && details.risk.emergencyPlan !== details.previous.emergencyPlan)
    lines.push(text.risk.planChanged);
  if (typeof details.newDeadline === "string") lines.push(text.newDeadlineLine(formatDateTime(details.newDeadline)));
  if (typeof details.mergedInto === "string") lines.push(`${text.fields.mergedInto}：${details.mergedInto}`);
  return lines;
}

/** Every step of a case, oldest first: who, when, what moved (state and level), the note and its facts. */
export function CaseTimeline({ events, compact = false }: { events: readonly CaseEventDto[]; compact?: boolean }) {
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-4" data-testid="case-timeline">
      {events.map((e) => {
        const levelMoved = e.fromLevel && e.toLevel && e.fromLevel !== e.toLevel;
        return (
          <li key={e.id} className="relative" data-testid="case-event" data-action={e.action}>
            <span
              className={`absolute -left-[23px] top-1 h-3 w-3 rounded-full ring-2 ring-white ${e.isSystem ? "bg-slate-400" : "bg-sky-600"}`}
              aria-hidden
            />
            <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-medium text-slate-900">{eventLabel(e.action)}</span>
              {e.toState && e.fromState !== e.toState && (
                <span className="text-xs text-slate-500">→ {caseLoop.stateLabels[e.toState]}</span>
              )}
              {levelMoved && (
                <span className="text-xs text-amber-700">
                  {text.levelMove(caseLoop.levelLabels[e.fromLevel!], caseLoop.levelLabels[e.toLevel!])}
                </span>
              )}
            </div>
            <div className="text-xs text-slate-500">
              {formatDateTime(e.at)} · {e.actorName}
            </div>
            {e.note && (
              <p className={`mt-1 whitespace-pre-wrap text-sm text-slate-700 ${compact ? "line-clamp-2" : ""}`}>{e.note}</p>
            )}
            {!compact &&
              detailLines(e.details).map((line) => (
                <p key={line} className="text-xs text-slate-600">
                  {line}
                </p>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

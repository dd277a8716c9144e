import { t } from "../i18n";
import { cases } from "../i18n/zh-CN/case";
import { caseLoop } from "../i18n/zh-CN/case-loop";

const labels = t.auditLabels;

function pick(table: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The Chinese name of an audit action ("account.create" → 新建账户, "case.acknowledge" → 案件·签收), else the key. */
export function auditActionName(action: string): string {
  const named = pick(labels.actions, action);
  if (named) return named;
  const step = action.startsWith("case.") ? pick(caseLoop.actionLabels, action.slice("case.".length)) : undefined;
  return step ? labels.caseStep(step) : action;
}

/** The Chinese name of the kind of thing an audit row changed ("app_user" → 账户), else the key. */
export function auditEntityName(entity: string): string {
  return pick(labels.entities, entity) ?? entity;
}

/** The Chinese name of a before/after field ("mustChangePassword" → 须修改密码), else the key. */
export function auditFieldName(field: string): string {
  return pick(labels.fields, field) ?? field;
}

/** Codes that have Chinese names wherever they occur in before/after, by the field that holds them. */
const CODE_LABELS: Record<string, Record<string, string>> = {
  state: caseLoop.stateLabels,
  level: caseLoop.levelLabels,
  fromLevel: caseLoop.levelLabels,
  defaultLevel: caseLoop.levelLabels,
  notifyLevel: caseLoop.levelLabels,
  urgency: cases.urgencies,
  defaultUrgency: cases.urgencies,
  stage: cases.stages,
  resolution: caseLoop.resolutionLabels,
  role: t.auth.roles,
};

/** A value as the log shows it: yes/no for booleans, the Chinese name of a known code, else the value itself. */
export function auditValue(field: string, value: unknown): unknown {
  if (typeof value === "boolean") return value ? labels.values.true : labels.values.false;
  if (typeof value === "string") {
    const table = CODE_LABELS[field];
    return (table && pick(table, value)) ?? value;
  }
  return value;
}

/**
 * The change audit's action filter: each group (a prefix, matching every action under it) followed by its
 * actions, the loop's steps under 案件. A value typed into the URL that is none of these stays selectable.
 */
export function auditActionOptions(current?: string): { value: string; label: string }[] {
  const options: { value: string; label: string }[] = [];
  const actions = [...Object.keys(labels.actions), ...Object.keys(caseLoop.actionLabels).map((step) => `case.${step}`)];
  for (const [group, label] of Object.entries(labels.actionGroups)) {
    options.push({ value: group, label });
    for (const action of actions.filter((a) => a.split(".")[0] === group))
      options.push({ value: action, label: `\u3000${auditActionName(action)}` });
  }
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
}

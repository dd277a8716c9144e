import type { CaseLevel } from "../case/case-states";
import type { CaseStage, CaseUrgency } from "../case/time-limits";
import type { LimitUnit } from "../case/working-calendar";

/** What the configuration pages show: plain JSON (ISO instants), never a row type. */

export type CategoryConfigDto = {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  depth: number;
  group: string;
  kind: string;
  defaultLevel: CaseLevel;
  defaultUrgency: CaseUrgency;
  riskAssessed: boolean;
  active: boolean;
  version: number;
  updatedAt: string;
};

export type UnitOptionDto = { id: number; code: string; name: string; kind: string; active: boolean };

export type RegionOptionDto = { id: number; name: string; level: number; levelName: string; parentName: string | null };

export type RoutingRuleDto = {
  id: number;
  categoryId: number;
  categoryName: string;
  regionId: number;
  regionName: string;
  regionLevelName: string;
  leadUnitId: number;
  leadUnitName: string;
  coUnitIds: number[];
  coUnitNames: string[];
  autoDispatch: boolean;
  version: number;
  updatedAt: string;
};

export type TimeLimitDto = {
  id: number;
  categoryId: number | null;
  categoryName: string | null;
  urgency: CaseUrgency;
  level: CaseLevel | null;
  stage: CaseStage;
  amount: number;
  unit: LimitUnit;
  /** Category and level both null: a default row (never deleted). */
  isDefault: boolean;
  version: number;
  updatedAt: string;
};

export type CalendarDayDto = {
  day: string;
  kind: "holiday" | "workday";
  /** A statutory holiday (法定, 300 %) rather than a rest day moved next to one (200 %). */
  statutory: boolean;
  name: string;
  version: number;
  updatedAt: string;
};

export type EscalationRuleDto = {
  level: CaseLevel;
  autoOnRed: boolean;
  notifyLevel: CaseLevel;
  motto: string;
  version: number;
  updatedAt: string;
};

export type SettingDto = { key: string; value: unknown; version: number; updatedAt: string };

export type ConfigSectionName = "categories" | "routing" | "limits" | "calendar" | "escalation" | "settings";

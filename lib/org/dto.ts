import type { GridGapRow } from "../../db/queries/grid-post";
import type { StaffPostBrief } from "../../db/queries/staff";

/** One department of the org chart, with its children and in-service counts (own and with the subtree). */
export type DepartmentNodeDto = {
  id: number;
  code: string;
  name: string;
  kind: string;
  kindName: string;
  level: number;
  levelName: string;
  parentId: number | null;
  regionId: number;
  regionName: string;
  sortOrder: number;
  validFrom: string;
  staffCount: number;
  subtreeCount: number;
  children: DepartmentNodeDto[];
};

export type OrgChartDto = { roots: DepartmentNodeDto[]; departmentCount: number; staffCount: number; canManage: boolean };

export type OptionDto = { id: number; code: string; name: string };
export type PositionOptionDto = OptionDto & { gridRole: string | null };
export type DepartmentOptionDto = { id: number; code: string; name: string; depth: number; regionId: number };

export type StaffOptionsDto = { departments: DepartmentOptionDto[]; positions: PositionOptionDto[]; ranks: OptionDto[] };

export type StaffPostDto = StaffPostBrief & { roleName: string };

export type StaffSummaryDto = {
  id: number;
  staffNo: string;
  name: string;
  genderName: string;
  departmentId: number;
  departmentName: string;
  positionName: string;
  rankName: string;
  hireDate: string;
  leaveDate: string | null;
  inService: boolean;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  posts: StaffPostDto[];
};

export type StaffPageDto = { staff: StaffSummaryDto[]; nextCursor: string | null; total: number };

export type StaffJobDto = {
  id: number;
  departmentName: string;
  positionName: string;
  rankName: string;
  validFrom: string;
  validTo: string | null;
  reason: string;
  reasonName: string;
  note: string | null;
};

export type GridPostDto = {
  id: number;
  regionId: number;
  regionName: string;
  regionCode: string;
  gridRole: string;
  roleName: string;
  validFrom: string;
  validTo: string | null;
  inForce: boolean;
};

export type StaffDetailDto = StaffSummaryDto & {
  gender: string | null;
  positionId: number;
  rankId: number;
  departmentPath: string;
  username: string | null;
  hasPhoto: boolean;
  version: number;
  jobs: StaffJobDto[];
  gridPosts: GridPostDto[];
  canReveal: boolean;
  canManage: boolean;
};

export type GridGapDto = GridGapRow;
export type GridGapsDto = { gaps: GridGapDto[]; vacantCount: number; horizonDays: number; today: string };

import type { DepartmentRow } from "../../db/queries/department";
import type { GridPostRow } from "../../db/queries/grid-post";
import type { StaffJobRow, StaffListRow } from "../../db/queries/staff";
import { org } from "../i18n/zh-CN/org";
import type { DepartmentNodeDto, GridPostDto, StaffJobDto, StaffSummaryDto } from "./dto";
import type { TreeNode } from "./department-tree";

const none = org.staff.none;

export function toStaffSummaryDto(row: StaffListRow, today: string): StaffSummaryDto {
  return {
    id: row.id,
    staffNo: row.staffNo,
    name: row.name,
    genderName: row.gender ? (org.genders[row.gender] ?? row.gender) : none,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    positionName: row.positionName,
    rankName: row.rankName,
    hireDate: row.hireDate,
    leaveDate: row.leaveDate,
    inService: row.leaveDate === null || row.leaveDate > today,
    idNumberMasked: row.idNumberMasked,
    phoneMasked: row.phoneMasked,
    posts: row.posts.map((p) => ({ ...p, roleName: org.gridRoles[p.role] ?? p.role })),
  };
}

export function toDepartmentNodeDto(node: TreeNode<DepartmentRow>): DepartmentNodeDto {
  return {
    id: node.id,
    code: node.code,
    name: node.name,
    kind: node.kind,
    kindName: org.departmentKinds[node.kind] ?? node.kind,
    level: node.level,
    levelName: org.levels[node.level] ?? String(node.level),
    parentId: node.parentId,
    regionId: node.regionId,
    regionName: node.regionName,
    sortOrder: node.sortOrder,
    validFrom: node.validFrom,
    staffCount: node.staffCount,
    subtreeCount: node.subtreeCount,
    children: node.children.map(toDepartmentNodeDto),
  };
}

export function toStaffJobDto(row: StaffJobRow): StaffJobDto {
  return {
    id: row.id,
    departmentName: row.departmentName,
    positionName: row.positionName,
    rankName: row.rankName,
    validFrom: row.validFrom,
    validTo: row.validTo,
    reason: row.reason,
    reasonName: org.jobReasons[row.reason] ?? row.reason,
    note: row.note,
  };
}

export function toGridPostDto(row: GridPostRow, today: string): GridPostDto {
  return {
    id: row.id,
    regionId: row.regionId,
    regionName: row.regionName,
    regionCode: row.regionCode,
    gridRole: row.gridRole,
    roleName: org.gridRoles[row.gridRole] ?? row.gridRole,
    validFrom: row.validFrom,
    validTo: row.validTo,
    inForce: row.validFrom <= today && (row.validTo === null || row.validTo > today),
  };
}

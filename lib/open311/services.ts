import "server-only";
import { findServiceCategories, type ServiceRow } from "../../db/queries/open311";
import type { Database } from "../../db/client";
import { open311 } from "../i18n/zh-CN/open311";
import { Open311Error, type ServiceDto } from "./georeport";

const KIND_WORDS: Record<string, string> = { service: "服务类", management: "管理类", enforcement: "执法类" };

function toService(r: ServiceRow): ServiceDto {
  return {
    service_code: r.code,
    service_name: r.name,
    description: open311.serviceGroupDescription(r.group_name, r.name),
    // No service asks for extra attributes: a request is a place, a description and optionally a photo URL.
    metadata: false,
    type: "realtime",
    keywords: [r.group_name, KIND_WORDS[r.kind] ?? r.kind].join(","),
    group: r.group_name,
  };
}

/**
 * GET services: the public part of the category tree — the city-management 部件 and 事件 classes. Disputes
 * and hazards (risk registers of the grid workers) and the 12345 kinds are not services for outside systems.
 */
export async function listServices(db: Database): Promise<ServiceDto[]> {
  return (await findServiceCategories(db)).map(toService);
}

/** GET services/<code>: the definition of one service (no attributes: metadata is false for all). */
export async function getServiceDefinition(db: Database, code: string): Promise<{ service_code: string; attributes: [] }> {
  const [row] = await findServiceCategories(db, code);
  if (!row) throw new Open311Error(404, open311.errors.serviceNotFound(code));
  return { service_code: row.code, attributes: [] };
}

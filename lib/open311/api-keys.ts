import "server-only";
import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";
import {
  findApiKeys,
  findKeyRegionOptions,
  findRegionPath,
  insertApiKey,
  revokeApiKeyRow,
  type ApiKeyRow,
} from "../../db/queries/api-key";
import { recordAudit } from "../audit/record-audit";
import { authorize } from "../auth/authorize";
import { scopeContains } from "../auth/scope";
import type { RequestContext } from "../context";
import { DomainError, parseInput } from "../errors";
import { open311 } from "../i18n/zh-CN/open311";
import { newApiKeyToken } from "./api-key-token";
import type { ApiKeyDto, KeyRegionOption } from "./dto";

function toDto(k: ApiKeyRow): ApiKeyDto {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: k.id,
    name: k.name,
    prefix: k.key_prefix,
    regionId: k.region_id,
    regionName: k.region_name,
    createdByName: k.created_by_name,
    createdAt: new Date(k.created_at).toISOString(),
    lastUsedAt: iso(k.last_used_at),
    revokedAt: iso(k.revoked_at),
    requestCount: k.request_count,
  };
}

/** The API keys of the administrator's area (apikey.manage), with the regions a new key may be bound to. */
export async function listApiKeys({ ctx }: { ctx: RequestContext }): Promise<{ keys: ApiKeyDto[]; regions: KeyRegionOption[] }> {
  const scope = authorize(ctx, "apikey.manage");
  const [keys, regions] = await Promise.all([findApiKeys(ctx.db, scope), findKeyRegionOptions(ctx.db, scope)]);
  return { keys: keys.map(toDto), regions: regions.map((r) => ({ id: r.id, name: r.name, level: r.level })) };
}

const CreateSchema = z.object({
  name: z.string().trim().min(1, open311.keys.create.nameRequired).max(60, open311.keys.create.nameRequired),
  regionId: idSchema(errorMessages.invalidId, "int4"),
});

/** Issues a key bound to a region of the administrator's area. The token is in the answer once and nowhere else. */
export async function createApiKey({
  ctx,
  input,
}: {
  ctx: RequestContext;
  input: unknown;
}): Promise<{ key: ApiKeyDto; token: string }> {
  const scope = authorize(ctx, "apikey.manage");
  const parsed = parseInput(CreateSchema, input);
  const region = await findRegionPath(ctx.db, parsed.regionId);
  if (!region || region.level > 1 || !scopeContains(scope, region.path))
    throw new DomainError("VALIDATION", open311.keys.errors.regionOutside, {
      details: { regionId: open311.keys.errors.regionOutside },
    });
  const { token, prefix, hash } = newApiKeyToken();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const keyId = await insertApiKey(trx, {
      name: parsed.name,
      prefix,
      hash,
      regionId: parsed.regionId,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
    });
    await recordAudit(trx, ctx, {
      action: "apikey.create",
      entity: "api_key",
      entityId: keyId,
      after: { name: parsed.name, prefix, regionId: parsed.regionId },
    });
    return keyId;
  });
  const [row] = await findApiKeys(ctx.db, scope, { id });
  return { key: toDto(row), token };
}

const RevokeSchema = z.object({ id: idSchema(errorMessages.invalidId, "int4") });

/** Revokes a key of the administrator's area at once: the next request with it gets 403. */
export async function revokeApiKey({ ctx, input }: { ctx: RequestContext; input: unknown }): Promise<ApiKeyDto> {
  const scope = authorize(ctx, "apikey.manage");
  const { id } = parseInput(RevokeSchema, input);
  return ctx.db.transaction().execute(async (trx) => {
    const [key] = await findApiKeys(trx, scope, { id });
    if (!key || key.revoked_at) throw new DomainError("NOT_FOUND", open311.keys.errors.notFound);
    await revokeApiKeyRow(trx, id, ctx.actor.userId);
    await recordAudit(trx, ctx, {
      action: "apikey.revoke",
      entity: "api_key",
      entityId: id,
      before: { name: key.name, prefix: key.key_prefix },
    });
    const [after] = await findApiKeys(trx, scope, { id });
    return toDto(after);
  });
}

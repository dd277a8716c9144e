import { z } from "zod";
import { RegionIdInput } from "../grid/schemas";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";

/** Building and room ids are bigint in the database but stay far below 2^53. */
export const RowIdInput = z.object({
  id: idSchema(errorMessages.invalidId, "bigint"),
});

export type RowIdInput = z.input<typeof RowIdInput>;

/** A basic grid's buildings: the grid, the building the page continues after, and the page size. */
export const ListGridBuildingsInput = z.object({
  id: RegionIdInput.shape.id,
  after: RowIdInput.shape.id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export type ListGridBuildingsInput = z.input<typeof ListGridBuildingsInput>;

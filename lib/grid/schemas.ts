import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";

/** A row id from a URL or a request: digits only, positive, within the column's range. */
export const RegionIdInput = z.object({
  id: idSchema(errorMessages.invalidId, "int4"),
});

export type RegionIdInput = z.input<typeof RegionIdInput>;

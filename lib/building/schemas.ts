import { z } from "zod";
import { idSchema } from "../id";
import { errorMessages } from "../i18n/zh-CN/errors";

/** Building and room ids are bigint in the database but stay far below 2^53. */
export const RowIdInput = z.object({
  id: idSchema(errorMessages.invalidId, "bigint"),
});

export type RowIdInput = z.input<typeof RowIdInput>;

import { common } from "@/lib/i18n/zh-CN/common";

/** Display helpers of the hotline pages (times: lib/format/time). */

export function seconds(ms: number | null): string {
  return ms === null ? "" : common.duration.seconds((ms / 1000).toFixed(1));
}

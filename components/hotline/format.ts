import { common } from "@/lib/i18n/zh-CN/common";

/** Display helpers of the hotline pages (Beijing time). */
const dateTime = new Intl.DateTimeFormat("zh-CN", { dateStyle: "short", timeStyle: "short", timeZone: "Asia/Shanghai" });

export function shortDateTime(iso: string | null): string {
  return iso ? dateTime.format(new Date(iso)) : "";
}

export function seconds(ms: number | null): string {
  return ms === null ? "" : common.duration.seconds((ms / 1000).toFixed(1));
}

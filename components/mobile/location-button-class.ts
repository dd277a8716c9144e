/**
 * The location section's buttons (定位, 在地图上选点, 输入坐标). A pressed button swaps its colours instead of
 * adding dark ones on top: two background or text utilities on one element are decided by the stylesheet's
 * order, not the class list, and "bg-white" won over "bg-slate-900" — white text on white, exactly when the
 * phone's position was denied and 在地图上选点 turned itself on.
 */
const BASE =
  "min-h-11 rounded-xl px-2 text-sm font-medium ring-1 disabled:opacity-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";
const IDLE = "bg-white text-slate-800 ring-slate-300 active:bg-slate-100";
const PRESSED = "bg-slate-900 text-white ring-slate-900 active:bg-slate-800";

export function locationButtonClass(pressed = false): string {
  return `${BASE} ${pressed ? PRESSED : IDLE}`;
}

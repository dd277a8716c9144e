import type { RoomUse } from "@/lib/building/dto";

/** Cell colours per room use (Tailwind classes; the same tokens as the legend). */
export const ROOM_USE_CLASSES: Record<RoomUse, string> = {
  self: "bg-use-self text-use-self-ink ring-emerald-300",
  rented: "bg-use-rented text-use-rented-ink ring-amber-300",
  vacant: "bg-use-vacant text-use-vacant-ink ring-slate-300",
  commercial: "bg-use-commercial text-use-commercial-ink ring-blue-300",
};

export const ROOM_USES: RoomUse[] = ["self", "rented", "vacant", "commercial"];

/** Marker badge colours: 特 special groups, 重 key persons, 流 floating population. */
export const MARKER_CLASSES = {
  special: "bg-violet-600 text-white",
  keyPerson: "bg-red-600 text-white",
  floating: "bg-orange-500 text-white",
} as const;

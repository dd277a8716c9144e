"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { RoomCell } from "@/lib/building/dto";
import { t } from "@/lib/i18n";
import type { RoomOccupants } from "@/lib/resident/dto";
import { fetchJson } from "../ui/fetch-json";
import { ROOM_USE_CLASSES } from "./room-style";
import { ResidentTags } from "../resident/resident-tags";

type State = { status: "loading" } | { status: "error"; message: string } | { status: "ready"; data: RoomOccupants };

/** The room drawer: its households and residents, personal data masked by the server. */
export function RoomPanel({ room, onClose }: { room: RoomCell; onClose: () => void }) {
  const [state, setState] = useState<State>({ status: "loading" });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const b = t.building;

  useEffect(() => {
    // a new room mounts a new panel (keyed by room id), so the state starts at "loading"
    const controller = new AbortController();
    fetchJson<RoomOccupants>(`/api/rooms/${room.id}/occupants`, controller.signal)
      .then((data) => setState({ status: "ready", data }))
      .catch((e: Error) => {
        if (!controller.signal.aborted) setState({ status: "error", message: e.message });
      });
    headingRef.current?.focus();
    return () => controller.abort();
  }, [room.id]);

  return (
    <aside
      className="absolute inset-y-0 right-0 z-20 flex w-[700px] max-w-[58vw] flex-col border-l border-slate-200 bg-white shadow-2xl"
      aria-labelledby="room-panel-title"
      data-testid="room-panel"
    >
      <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-5 py-4">
        <div>
          <h2
            id="room-panel-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 focus:outline-none"
          >
            {b.roomPanelTitle(room.number)}
          </h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span>{b.roomFacts.position(room.entrance, room.floor)}</span>
            <span className={`rounded px-1.5 py-0.5 ring-1 ${ROOM_USE_CLASSES[room.use]}`}>{room.useName}</span>
            <span>
              {b.roomFacts.area} {b.areaValue(room.area)}
            </span>
          </p>
        </div>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
          aria-label={t.common.close}
          data-testid="room-panel-close"
        >
          <svg viewBox="0 0 20 20" className="h-5 w-5" aria-hidden="true">
            <path d="M5 5l10 10M15 5L5 15" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
        {state.status === "loading" && (
          <p className="text-sm text-slate-500" data-testid="room-panel-loading">
            {b.loadingOccupants}
          </p>
        )}
        {state.status === "error" && (
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-700 ring-1 ring-red-200" role="alert">
            {state.message}
          </p>
        )}
        {state.status === "ready" && state.data.households.length === 0 && (
          <p className="rounded-md bg-slate-50 p-4 text-sm text-slate-500 ring-1 ring-slate-200" data-testid="room-empty">
            {b.noHouseholds}
          </p>
        )}
        {state.status === "ready" &&
          state.data.households.map((h, i) => (
            <section key={h.id} className="mb-4 rounded-xl ring-1 ring-slate-200" data-testid="household">
              <header className="flex flex-wrap items-center gap-2 rounded-t-xl bg-slate-50 px-4 py-2.5 text-sm">
                <span className="font-semibold text-slate-800">{b.household(i + 1)}</span>
                <span className="rounded bg-white px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200">{h.typeName}</span>
                <span
                  className={`rounded px-1.5 py-0.5 text-xs ring-1 ${h.registration === "floating" ? "bg-orange-50 text-orange-700 ring-orange-200" : "bg-sky-50 text-sky-700 ring-sky-200"}`}
                >
                  {h.registrationName}
                </span>
                {h.workUnit && (
                  <span className="ml-auto truncate text-xs text-slate-500">
                    {b.workUnit}：{h.workUnit}
                  </span>
                )}
              </header>
              <table className="w-full text-left text-xs" data-testid="resident-table">
                <thead className="text-slate-400">
                  <tr>
                    {[
                      b.residentColumns.name,
                      b.residentColumns.gender,
                      b.residentColumns.age,
                      b.residentColumns.relation,
                      b.residentColumns.idNumber,
                      b.residentColumns.phone,
                      b.residentColumns.registration,
                      b.residentColumns.tags,
                    ].map((c) => (
                      <th key={c} scope="col" className="px-2 py-2 font-medium whitespace-nowrap">
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {h.residents.map((r) => (
                    <tr key={r.id} data-testid="resident-row">
                      <td className="px-2 py-2 font-medium whitespace-nowrap text-slate-900" data-testid="resident-name">
                        {/* No prefetch: opening a resident's page is a logged view of personal data. */}
                        <Link
                          href={`/residents/${r.id}`}
                          prefetch={false}
                          className="rounded text-sky-700 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                          data-testid="resident-link"
                        >
                          {r.name}
                        </Link>
                      </td>
                      <td className="px-2 py-2 whitespace-nowrap">{r.genderName}</td>
                      <td className="px-2 py-2 whitespace-nowrap tabular-nums">{b.ageValue(r.age)}</td>
                      <td className="px-2 py-2 whitespace-nowrap">{r.relationName}</td>
                      <td className="px-2 py-2 font-mono whitespace-nowrap text-slate-700" data-testid="resident-id">
                        {r.idNumberMasked}
                      </td>
                      <td className="px-2 py-2 font-mono whitespace-nowrap text-slate-700" data-testid="resident-phone">
                        {r.phoneMasked ?? "—"}
                      </td>
                      <td className="px-2 py-2 whitespace-nowrap" data-testid="resident-registration">
                        {r.registrationName}
                      </td>
                      <td className="px-2 py-2">
                        <ResidentTags keyPerson={r.keyPerson} tags={r.tags} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
        <p className="mt-2 text-[11px] text-slate-400">{b.maskNote}</p>
      </div>
    </aside>
  );
}

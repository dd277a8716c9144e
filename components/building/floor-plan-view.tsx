"use client";

import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { BuildingFloorPlan, RoomCell } from "@/lib/building/dto";
import { t } from "@/lib/i18n";
import { RoomPanel } from "./room-panel";
import { MARKER_CLASSES, ROOM_USE_CLASSES, ROOM_USES } from "./room-style";

/**
 * The 楼盘表 matrix: floors top-down as rows, entrances side by side, rooms as cells coloured by use
 * with 特/重/流 markers. Cells are buttons (Tab, Enter, arrow keys); a room opens the occupant panel.
 */
export function FloorPlanView({ plan }: { plan: BuildingFloorPlan }) {
  const [selected, setSelected] = useState<RoomCell | null>(null);
  const lastCell = useRef<HTMLButtonElement | null>(null);
  const tableRef = useRef<HTMLTableElement | null>(null);
  const floors = plan.entrances[0]?.floors.map((f) => f.floor) ?? [];
  const hasRooms = plan.counts.rooms > 0;

  const close = useCallback(() => {
    setSelected(null);
    lastCell.current?.focus();
  }, []);

  useEffect(() => {
    if (!selected) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") close();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, close]);

  // Arrow keys move between cells like a spreadsheet.
  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[e.key];
    const target = e.target as HTMLElement;
    if (!move || !target.dataset.row) return;
    e.preventDefault();
    let row = Number(target.dataset.row);
    let col = Number(target.dataset.col);
    for (let step = 0; step < 200; step++) {
      row += move[0];
      col += move[1];
      const next = tableRef.current?.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`);
      if (next) {
        next.focus();
        return;
      }
      if (row < 0 || col < 0 || row > floors.length || col > 400) return;
    }
  };

  // the first global column index of each entrance block (for arrow-key moves across blocks)
  const entranceCols = plan.entrances.map((_, i) => plan.entrances.slice(0, i).reduce((n, e) => n + e.columns, 0));

  return (
    <div className="relative flex min-h-0 flex-1">
      <div className="flex min-w-0 flex-1 flex-col">
        <FloorPlanLegend />
        {!hasRooms ? (
          <p
            className="m-6 rounded-lg bg-white p-6 text-center text-slate-500 ring-1 ring-slate-200"
            data-testid="floor-plan-empty"
          >
            {t.building.noRooms}
          </p>
        ) : (
          <div className="min-h-0 flex-1 overflow-auto px-6 pb-6" data-testid="floor-plan-scroll">
            <table
              ref={tableRef}
              onKeyDown={onKeyDown}
              className="border-separate border-spacing-1 text-xs"
              data-testid="floor-plan"
              aria-label={`${plan.building.name}${t.building.pageTitle}`}
            >
              <thead className="sticky top-0 z-10">
                <tr>
                  <th className="sticky left-0 z-20 bg-slate-100 px-2 py-2 text-right font-medium text-slate-400" scope="col">
                    {t.common.units.floor}
                  </th>
                  {plan.entrances.map((e, i) => (
                    <th
                      key={e.entrance}
                      colSpan={e.columns}
                      scope="colgroup"
                      className={`bg-slate-100 py-2 text-center text-sm font-semibold text-slate-700 ${i > 0 ? "border-l-8 border-slate-100" : ""}`}
                      data-testid="entrance-header"
                    >
                      <span className="rounded-full bg-white px-3 py-0.5 ring-1 ring-slate-200">
                        {t.building.entrance(e.entrance)}
                      </span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {floors.map((floor, rowIndex) => (
                  <tr key={floor} data-testid="floor-row" data-floor={floor}>
                    <th
                      scope="row"
                      className="sticky left-0 z-10 bg-slate-100 px-2 text-right font-mono text-[11px] font-medium text-slate-500"
                    >
                      {floor}F
                    </th>
                    {plan.entrances.map((e, ei) =>
                      e.floors[rowIndex].rooms.map((room, ci) => (
                        <td
                          key={`${e.entrance}-${ci}`}
                          className={`p-0 ${ei > 0 && ci === 0 ? "border-l-8 border-slate-100" : ""}`}
                        >
                          {room ? (
                            <RoomButton
                              room={room}
                              row={rowIndex}
                              col={entranceCols[ei] + ci}
                              active={selected?.id === room.id}
                              onOpen={(el) => {
                                lastCell.current = el;
                                setSelected(room);
                              }}
                            />
                          ) : (
                            <div
                              className="h-12 w-[76px] rounded-md border border-dashed border-slate-300 bg-transparent"
                              aria-hidden="true"
                            />
                          )}
                        </td>
                      )),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="mt-3 text-xs text-slate-500">{t.building.openRoomHint}</p>
          </div>
        )}
      </div>
      {selected && <RoomPanel key={selected.id} room={selected} onClose={close} />}
    </div>
  );
}

function RoomButton({
  room,
  row,
  col,
  active,
  onOpen,
}: {
  room: RoomCell;
  row: number;
  col: number;
  active: boolean;
  onOpen: (el: HTMLButtonElement) => void;
}) {
  const m = t.building.markers;
  const flags: string[] = [];
  if (room.specialResidents > 0) flags.push(t.building.markerNames.special);
  if (room.keyPersons > 0) flags.push(t.building.markerNames.keyPerson);
  if (room.floatingResidents > 0) flags.push(t.building.markerNames.floating);
  const label = t.building.roomCell(room.number, room.useName, room.residents) + (flags.length ? `，${flags.join("、")}` : "");
  return (
    <button
      type="button"
      data-row={row}
      data-col={col}
      data-testid="room-cell"
      data-room-id={room.id}
      data-use={room.use}
      aria-label={label}
      aria-pressed={active}
      title={label}
      onClick={(e) => onOpen(e.currentTarget)}
      className={`relative flex h-12 w-[76px] flex-col justify-between rounded-md px-1.5 py-1 text-left ring-1 transition hover:brightness-95 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-600 ${ROOM_USE_CLASSES[room.use]} ${active ? "outline-2 outline-offset-1 outline-sky-600" : ""}`}
    >
      <span className="font-mono text-[12px] font-semibold leading-none">{room.number}</span>
      <span className="flex items-end justify-between gap-0.5">
        <span className="text-[10px] leading-none opacity-80">
          {room.residents > 0 ? t.building.residentsShort(room.residents) : room.useName}
        </span>
        <span className="flex gap-px">
          {room.specialResidents > 0 && <Marker kind="special" text={m.special} />}
          {room.keyPersons > 0 && <Marker kind="keyPerson" text={m.keyPerson} />}
          {room.floatingResidents > 0 && <Marker kind="floating" text={m.floating} />}
        </span>
      </span>
    </button>
  );
}

function Marker({ kind, text }: { kind: keyof typeof MARKER_CLASSES; text: string }) {
  return (
    <span
      className={`grid h-[14px] w-[14px] place-items-center rounded-[3px] text-[9px] font-bold leading-none ${MARKER_CLASSES[kind]}`}
      data-marker={kind}
      aria-hidden="true"
    >
      {text}
    </span>
  );
}

function FloorPlanLegend() {
  const b = t.building;
  return (
    <div
      className="flex shrink-0 flex-wrap items-center gap-x-5 gap-y-2 px-6 py-3 text-xs text-slate-600"
      data-testid="floor-plan-legend"
    >
      <span className="font-medium text-slate-500">{b.legend}</span>
      {ROOM_USES.map((use) => (
        <span key={use} className="flex items-center gap-1.5">
          <span className={`h-3.5 w-5 rounded-sm ring-1 ${ROOM_USE_CLASSES[use]}`} aria-hidden="true" />
          {b.uses[use]}
        </span>
      ))}
      <span className="h-4 w-px bg-slate-300" aria-hidden="true" />
      {(["special", "keyPerson", "floating"] as const).map((kind) => (
        <span key={kind} className="flex items-center gap-1.5">
          <Marker kind={kind} text={b.markers[kind]} />
          {b.markerNames[kind]}
        </span>
      ))}
      <span className="ml-auto text-slate-400">{b.maskNote}</span>
    </div>
  );
}

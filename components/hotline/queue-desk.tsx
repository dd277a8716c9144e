"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { sendJson } from "@/components/account/send-json";
import type { Bounds } from "@/lib/grid/dto";
import type { QueueItemDto } from "@/lib/hotline/dto";
import { hotline } from "@/lib/i18n/zh-CN/hotline";
import { formatDateTime } from "@/lib/format/time";
import { LocateMap } from "./locate-map";

const text = hotline.queue;

/**
 * The needs-location queue: pick an order, click where it happened (or type the coordinates), confirm; the
 * case is created there and the list refreshes. Only one order is placed at a time.
 */
export function QueueDesk({
  items,
  total,
  bounds,
  nextCursor,
}: {
  items: QueueItemDto[];
  total: number;
  bounds: Bounds;
  nextCursor: string | null;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<QueueItemDto | null>(null);
  const [point, setPoint] = useState<[number, number] | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string; caseId?: number } | null>(null);
  const onPick = useCallback((p: [number, number]) => setPoint(p), []);

  function select(item: QueueItemDto | null) {
    setSelected(item);
    setPoint(null);
    setMessage(null);
  }

  async function confirm() {
    if (!selected || !point || busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const created = await sendJson<{ caseId: number; number: string }>(`/api/hotline/queue/${selected.id}/locate`, "POST", {
        version: selected.version,
        lon: point[0],
        lat: point[1],
      });
      setMessage({ kind: "ok", text: text.located(created.number), caseId: created.caseId });
      setSelected(null);
      setPoint(null);
      router.refresh();
    } catch (e) {
      setMessage({ kind: "error", text: e instanceof Error ? e.message : hotline.rowErrors.internal });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid min-h-0 flex-1 grid-cols-[minmax(380px,2fr)_3fr] gap-4" data-testid="queue-desk">
      <section className="flex min-h-0 flex-col rounded-xl bg-white shadow-sm ring-1 ring-slate-200" aria-label={text.title}>
        <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2 text-sm text-slate-600">
          <span>{text.count(total)}</span>
        </div>
        {items.length === 0 ? (
          <p className="p-6 text-sm text-slate-500" data-testid="queue-empty">
            {text.empty}
          </p>
        ) : (
          <ul className="min-h-0 flex-1 divide-y divide-slate-100 overflow-auto" data-testid="queue-list">
            {items.map((item) => {
              const isSelected = selected?.id === item.id;
              return (
                <li key={item.id}>
                  <button
                    type="button"
                    onClick={() => select(isSelected ? null : item)}
                    aria-pressed={isSelected}
                    className={`block w-full px-4 py-3 text-left focus:outline-none focus-visible:bg-sky-50 ${isSelected ? "bg-amber-50 ring-2 ring-inset ring-amber-400" : "hover:bg-slate-50"}`}
                    data-testid="queue-item"
                  >
                    <div className="flex items-center gap-2 text-xs text-slate-500">
                      <span className="font-mono text-slate-700">{item.orderNo}</span>
                      <span className="rounded bg-slate-100 px-1.5 py-0.5">{item.kind}</span>
                      <span className="ml-auto tabular-nums">{formatDateTime(item.receivedAt)}</span>
                    </div>
                    <div className="mt-1 text-sm font-medium text-slate-900">{item.address ?? "—"}</div>
                    <div className="mt-0.5 line-clamp-2 text-sm text-slate-600">{item.content}</div>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {nextCursor && (
          <Link
            href={`/hotline/queue?after=${nextCursor}`}
            className="border-t border-slate-100 px-4 py-2 text-sm text-sky-700 hover:underline"
          >
            {text.nextPage}
          </Link>
        )}
      </section>

      <section className="flex min-h-0 flex-col gap-3">
        <div
          className="rounded-xl bg-white p-3 text-sm shadow-sm ring-1 ring-slate-200"
          aria-live="polite"
          data-testid="locate-panel"
        >
          {message && (
            <p
              role={message.kind === "error" ? "alert" : "status"}
              className={`mb-2 rounded-lg px-3 py-2 ${message.kind === "ok" ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200" : "bg-rose-50 text-rose-800 ring-1 ring-rose-200"}`}
              data-testid="locate-message"
            >
              {message.text}
              {message.caseId && (
                <Link href={`/cases/${message.caseId}`} className="ml-2 underline">
                  {text.openCase}
                </Link>
              )}
            </p>
          )}
          {selected ? (
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-medium text-slate-800">{selected.orderNo}</span>
              <span className="text-slate-600">{point ? text.pointChosen : text.picked}</span>
              <CoordinateInputs point={point} onChange={setPoint} />
              <div className="ml-auto flex gap-2">
                <button
                  type="button"
                  onClick={() => select(null)}
                  className="rounded-lg px-3 py-1.5 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
                >
                  {text.cancel}
                </button>
                <button
                  type="button"
                  onClick={confirm}
                  disabled={!point || busy}
                  className="rounded-lg bg-amber-500 px-3 py-1.5 font-semibold text-white hover:bg-amber-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-400 focus-visible:ring-offset-2 disabled:cursor-not-allowed disabled:bg-slate-300"
                  data-testid="locate-confirm"
                >
                  {busy ? text.locating : text.confirm}
                </button>
              </div>
            </div>
          ) : (
            <p className="text-slate-500">{items.length ? text.intro : text.empty}</p>
          )}
        </div>
        <div className="min-h-0 flex-1">
          <LocateMap bounds={bounds} active={selected !== null} point={point} onPick={onPick} />
        </div>
      </section>
    </div>
  );
}

/** The chosen point as two fields, so the place can also be typed (keyboard, or coordinates read off another map). */
function CoordinateInputs({
  point,
  onChange,
}: {
  point: [number, number] | null;
  onChange: (p: [number, number] | null) => void;
}) {
  const [lon, setLon] = useState(point ? String(point[0]) : "");
  const [lat, setLat] = useState(point ? String(point[1]) : "");
  const [shown, setShown] = useState(point);
  // A click on the map replaces what was typed (adjusted while rendering, not in an effect).
  if (shown !== point) {
    setShown(point);
    if (point) {
      setLon(String(point[0]));
      setLat(String(point[1]));
    }
  }
  const apply = (x: string, y: string) => {
    const a = Number(x);
    const b = Number(y);
    onChange(x && y && a >= 73 && a <= 136 && b >= 3 && b <= 54 ? [a, b] : null);
  };
  const field =
    "w-28 rounded-md border border-slate-300 px-2 py-1 text-xs tabular-nums focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30";
  return (
    <span className="flex items-center gap-1 text-xs text-slate-500">
      <label>
        <span className="sr-only">{text.lon}</span>
        <input
          inputMode="decimal"
          value={lon}
          placeholder={text.lon}
          onChange={(e) => {
            setLon(e.target.value);
            apply(e.target.value, lat);
          }}
          className={field}
          data-testid="locate-lon"
        />
      </label>
      <label>
        <span className="sr-only">{text.lat}</span>
        <input
          inputMode="decimal"
          value={lat}
          placeholder={text.lat}
          onChange={(e) => {
            setLat(e.target.value);
            apply(lon, e.target.value);
          }}
          className={field}
          data-testid="locate-lat"
        />
      </label>
    </span>
  );
}

"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MyPunchDay } from "@/lib/attendance/punch/get-my-punch-day";
import type { PunchDto } from "@/lib/attendance/punch/record-punch";
import { formatTime } from "@/lib/format/time";
import { attendancePunch as tx } from "@/lib/i18n/zh-CN/attendance-punch";
import { resizePhoto } from "../resize-image";
import { PunchMap } from "./punch-map";
import { outcomeOf, parseQueue, punchQueueKey, withoutPunch, withPunch, type QueuedPunch, type SendOutcome } from "./punch-queue";

type Props = { initial: MyPunchDay; userId: number | null; bounds: [number, number, number, number] };
type Fix = { lon: number; lat: number; accuracyM: number };
type Notice = { tone: "ok" | "warn" | "error"; text: string };

const ENDPOINT = "/api/attendance/punches";

async function send(punch: QueuedPunch): Promise<SendOutcome> {
  try {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(punch),
    });
    return outcomeOf(response.status, await response.json().catch(() => null));
  } catch {
    return outcomeOf(null, null);
  }
}

function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/**
 * 考勤打卡 on the phone: the position and its accuracy (navigator.geolocation), the fences on a small map, big
 * punch-in and punch-out buttons, today's punches, an optional photo and the queue of punches waiting for the
 * network. A tap while a punch is still being sent does nothing (one punch per tap, one request id per punch).
 */
export function PunchPanel({ initial, userId, bounds }: Props) {
  const [day, setDay] = useState(initial);
  const [fix, setFix] = useState<Fix | null>(null);
  const [geoError, setGeoError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [queue, setQueue] = useState<QueuedPunch[]>([]);
  const [askReason, setAskReason] = useState(false);
  const [reason, setReason] = useState("");
  const [photo, setPhoto] = useState<string | null>(null);
  const flushing = useRef(false);
  const key = punchQueueKey(userId);

  const store = useCallback(
    (next: QueuedPunch[]) => {
      setQueue(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // over the quota: keep the punches, drop their photos
        localStorage.setItem(key, JSON.stringify(next.map((p) => ({ ...p, photoBase64: null }))));
      }
    },
    [key],
  );
  const current = useCallback(() => parseQueue(localStorage.getItem(key)), [key]);

  const refresh = useCallback(async () => {
    const response = await fetch(ENDPOINT, { cache: "no-store" }).catch(() => null);
    if (response?.ok) setDay((await response.json()) as MyPunchDay);
  }, []);

  /** Sends what waits in the queue, one at a time, as offline punches (they were made without a network). */
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    try {
      for (const punch of current()) {
        const outcome = await send({ ...punch, offline: true });
        if (outcome.kind === "network") break;
        store(withoutPunch(current(), punch.requestId));
        if (outcome.kind === "refused") setNotice({ tone: "error", text: outcome.message });
      }
      await refresh();
    } finally {
      flushing.current = false;
    }
  }, [current, refresh, store]);

  useEffect(() => {
    // read after the first render (the server has no localStorage)
    queueMicrotask(() => setQueue(current()));
    void flush();
    const onOnline = () => void flush();
    window.addEventListener("online", onOnline);
    const timer = window.setInterval(() => void flush(), 30_000);
    return () => {
      window.removeEventListener("online", onOnline);
      window.clearInterval(timer);
    };
  }, [current, flush]);

  useEffect(() => {
    if (!("geolocation" in navigator)) {
      queueMicrotask(() => setGeoError(tx.locationDenied));
      return;
    }
    const id = navigator.geolocation.watchPosition(
      (p) => {
        setGeoError(null);
        setFix({ lon: p.coords.longitude, lat: p.coords.latitude, accuracyM: p.coords.accuracy });
      },
      (e) => setGeoError(e.code === e.PERMISSION_DENIED ? tx.locationDenied : tx.noPositionYet),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, []);

  const punch = async (kind: "in" | "out") => {
    if (sendingRef.current) return;
    sendingRef.current = true;
    setSending(true);
    setNotice(null);
    const item: QueuedPunch = {
      requestId: crypto.randomUUID(),
      kind,
      lon: fix?.lon ?? null,
      lat: fix?.lat ?? null,
      accuracyM: fix?.accuracyM ?? null,
      deviceAt: new Date().toISOString(),
      offline: false,
      outsideReason: askReason && reason.trim() ? reason.trim() : null,
      photoBase64: photo,
    };
    try {
      // Queued before it leaves: a page closed mid-send still sends it (same request id) next time.
      store(withPunch(current(), item));
      const outcome = navigator.onLine === false ? ({ kind: "network" } as const) : await send(item);
      if (outcome.kind === "network") {
        store(withPunch(current(), { ...item, offline: true }));
        setNotice({ tone: "warn", text: tx.savedOffline });
        return;
      }
      store(withoutPunch(current(), item.requestId));
      if (outcome.kind === "refused") {
        if (outcome.reason === "reason_required") setAskReason(true);
        setNotice({ tone: "error", text: outcome.message });
        return;
      }
      await refresh();
      setAskReason(false);
      setReason("");
      setPhoto(null);
      setNotice({ tone: "ok", text: tx.punched(kind, formatTime(new Date())) });
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <div className="space-y-4" data-testid="punch-panel">
      <section className="space-y-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div className="flex items-baseline justify-between">
          <p className="text-lg font-semibold text-slate-900" data-testid="punch-status">
            {tx.status[day.status]}
          </p>
          <p className="text-xs text-slate-500">
            {day.day} · {tx.serverTime}
          </p>
        </div>
        <PunchMap bounds={bounds} fences={day.fences} position={fix} />
        <p className="text-sm text-slate-700" data-testid="punch-position" aria-live="polite">
          {geoError ?? (fix ? tx.accuracy(fix.accuracyM) : tx.locating)}
        </p>
        {day.fences.length === 0 && <p className="text-sm text-amber-700">{tx.noFence}</p>}
      </section>

      {askReason && (
        <label className="block space-y-1">
          <span className="text-sm font-medium text-slate-800">{tx.outsideReason}</span>
          <input
            className="w-full rounded-lg border border-slate-300 px-3 py-3 text-base"
            value={reason}
            maxLength={200}
            placeholder={tx.outsideReasonPlaceholder}
            onChange={(e) => setReason(e.target.value)}
            data-testid="punch-reason"
          />
        </label>
      )}

      <div className="grid grid-cols-2 gap-3">
        {(["in", "out"] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            disabled={sending}
            onClick={() => void punch(kind)}
            className={`h-28 rounded-2xl text-xl font-bold text-white shadow-sm disabled:opacity-60 ${kind === "in" ? "bg-emerald-600" : "bg-sky-700"}`}
            data-testid={`punch-${kind}`}
          >
            {sending ? tx.sending : kind === "in" ? tx.punchIn : tx.punchOut}
          </button>
        ))}
      </div>

      {notice && (
        <p
          role={notice.tone === "error" ? "alert" : "status"}
          className={`rounded-lg p-3 text-sm ${notice.tone === "ok" ? "bg-emerald-50 text-emerald-800" : notice.tone === "warn" ? "bg-amber-50 text-amber-800" : "bg-red-50 text-red-800"}`}
          data-testid="punch-notice"
        >
          {notice.text}
        </p>
      )}

      {queue.length > 0 && (
        <p className="rounded-lg bg-amber-100 p-3 text-sm text-amber-900" data-testid="punch-pending">
          {tx.pending(queue.length)} · {tx.pendingHint}
        </p>
      )}

      <label className="flex items-center justify-between rounded-xl bg-white p-3 text-sm ring-1 ring-slate-200">
        <span>{photo ? tx.removePhoto : tx.photo}</span>
        {photo ? (
          <button
            type="button"
            className="rounded-lg bg-slate-100 px-3 py-2"
            onClick={() => setPhoto(null)}
            data-testid="punch-photo-remove"
          >
            {tx.removePhoto}
          </button>
        ) : (
          // The browser's own file button would read "Choose File": the input is kept for screen readers and
          // tests, the label around it opens it, and this span is what the eye sees.
          <span className="rounded-lg bg-slate-100 px-3 py-2 text-slate-700">{tx.takePhoto}</span>
        )}
        {!photo && (
          <input
            type="file"
            accept="image/*"
            capture="user"
            className="sr-only"
            data-testid="punch-photo"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              try {
                setPhoto(await blobToBase64((await resizePhoto(file)).blob));
              } catch {
                setNotice({ tone: "error", text: tx.photoUnreadable });
              }
            }}
          />
        )}
      </label>

      <section className="space-y-2">
        <h2 className="text-base font-semibold text-slate-900">{tx.today}</h2>
        {day.punches.length === 0 ? (
          <p className="text-sm text-slate-500">{tx.noPunches}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200" data-testid="punch-list">
            {day.punches.map((p) => (
              <PunchItem key={p.id} punch={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function PunchItem({ punch }: { punch: PunchDto }) {
  return (
    <li className="flex items-center justify-between gap-2 p-3 text-sm" data-testid="punch-item" data-inside={punch.inside}>
      <span className="font-medium text-slate-900">
        {tx.kinds[punch.kind]} {formatTime(punch.serverAt)}
      </span>
      <span className="flex flex-wrap justify-end gap-1">
        <span
          className={`rounded px-2 py-0.5 ${punch.inside ? "bg-emerald-100 text-emerald-800" : "bg-amber-100 text-amber-900"}`}
        >
          {punch.inside ? tx.inside : tx.outside}
        </span>
        {punch.reviewFlags
          .filter((f) => f !== "outside")
          .map((f) => (
            <span key={f} className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">
              {tx.flags[f] ?? f}
            </span>
          ))}
      </span>
    </li>
  );
}

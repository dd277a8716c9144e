"use client";

import { useEffect, useRef, useState } from "react";
import type { MyPunchDay } from "@/lib/attendance/punch/get-my-punch-day";
import { attendancePunch as tx } from "@/lib/i18n/zh-CN/attendance-punch";

type Props = { initial: MyPunchDay["patrols"] };
type TrackPoint = { at: string; lon: number; lat: number; accuracyM: number | null };

const ENDPOINT = "/api/attendance/patrols";
/** Points are sent in batches of this many (and all that wait when the patrol ends). */
const BATCH = 5;

async function post(body: unknown): Promise<{ ok: boolean; json: Record<string, unknown> | null }> {
  try {
    const response = await fetch(ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { ok: response.ok, json: (await response.json().catch(() => null)) as Record<string, unknown> | null };
  } catch {
    return { ok: false, json: null };
  }
}

/**
 * 巡查: while a patrol is on and the page is open, the phone takes a position every `intervalSeconds` and sends
 * them in batches; points that could not be sent stay and go with the next batch (the server skips any it
 * already holds). Ending the patrol sends the rest and shows whether it counts toward 一日双巡.
 */
export function PatrolRecorder({ initial }: Props) {
  const [patrolId, setPatrolId] = useState<number | null>(null);
  const [count, setCount] = useState(0);
  const [done, setDone] = useState(initial.done);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const waiting = useRef<TrackPoint[]>([]);
  const sendingBatch = useRef(false);

  const sendWaiting = async (id: number) => {
    if (sendingBatch.current || waiting.current.length === 0) return;
    sendingBatch.current = true;
    const batch = waiting.current.slice(0, 200);
    const result = await post({ action: "append", patrolId: id, points: batch });
    if (result.ok) waiting.current = waiting.current.slice(batch.length);
    sendingBatch.current = false;
  };

  useEffect(() => {
    if (patrolId === null) return;
    const take = () =>
      navigator.geolocation?.getCurrentPosition(
        (p) => {
          waiting.current.push({
            at: new Date().toISOString(),
            lon: p.coords.longitude,
            lat: p.coords.latitude,
            accuracyM: p.coords.accuracy,
          });
          setCount((n) => n + 1);
          if (waiting.current.length >= BATCH) void sendWaiting(patrolId);
        },
        () => {},
        { enableHighAccuracy: true, maximumAge: 5_000, timeout: 20_000 },
      );
    take();
    const timer = window.setInterval(take, initial.intervalSeconds * 1000);
    return () => window.clearInterval(timer);
  }, [patrolId, initial.intervalSeconds]);

  const start = async () => {
    setBusy(true);
    setMessage(null);
    const result = await post({ action: "start" });
    setBusy(false);
    if (!result.ok) {
      setMessage(((result.json?.error as { message?: string } | undefined)?.message ?? tx.errors.noGrid) as string);
      return;
    }
    waiting.current = [];
    setCount(0);
    setPatrolId(result.json?.patrolId as number);
  };

  const end = async () => {
    if (patrolId === null) return;
    setBusy(true);
    await sendWaiting(patrolId);
    const result = await post({ action: "end", patrolId });
    setBusy(false);
    if (!result.ok) {
      setMessage(((result.json?.error as { message?: string } | undefined)?.message ?? "") as string);
      return;
    }
    setPatrolId(null);
    const counted = result.json?.counted === true;
    if (counted) setDone((n) => n + 1);
    setMessage(counted ? tx.patrol.counted : tx.patrol.notCounted);
  };

  return (
    <section className="space-y-2 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200" data-testid="patrol-recorder">
      <div className="flex items-baseline justify-between">
        <h2 className="text-base font-semibold text-slate-900">
          {tx.patrol.title}
          {initial.gridName ? ` · ${initial.gridName}` : ""}
        </h2>
        <span className="text-sm text-slate-600" data-testid="patrol-done">
          {tx.patrol.doneToday(done, initial.required)}
        </span>
      </div>
      {patrolId !== null && <p className="text-sm text-emerald-700">{tx.patrol.recording(count)}</p>}
      <button
        type="button"
        disabled={busy}
        onClick={() => void (patrolId === null ? start() : end())}
        className={`h-12 w-full rounded-xl font-semibold text-white disabled:opacity-60 ${patrolId === null ? "bg-slate-800" : "bg-red-600"}`}
        data-testid="patrol-toggle"
      >
        {patrolId === null ? tx.patrol.start : tx.patrol.end}
      </button>
      {message && (
        <p className="text-sm text-slate-700" role="status" data-testid="patrol-message">
          {message}
        </p>
      )}
    </section>
  );
}

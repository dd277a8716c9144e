/**
 * The phone's queue of punches not yet answered by the server (待发送). A punch goes into the queue before it is
 * sent and leaves it only on an answer: accepted (2xx) or refused by a rule (4xx: sending it again would be
 * refused again). A lost network keeps it, marked offline, with the phone's time and position of the tap; it is
 * sent again on reconnect with the same request id, so a punch the server did receive before the connection
 * dropped comes back as the same punch, never a second one.
 *
 * Kept in localStorage (one key per account, so two people sharing a phone never send each other's punches).
 * A photo that does not fit the storage quota is dropped from the queued punch rather than losing the punch.
 */

export type QueuedPunch = {
  requestId: string;
  kind: "in" | "out";
  lon: number | null;
  lat: number | null;
  accuracyM: number | null;
  deviceAt: string;
  offline: boolean;
  outsideReason: string | null;
  photoBase64: string | null;
};

export type SendOutcome =
  { kind: "accepted" } | { kind: "refused"; message: string; reason: string | null } | { kind: "network" };

export function punchQueueKey(userId: number | null): string {
  return `gridatlas:punch-queue:${userId ?? "anonymous"}`;
}

export function parseQueue(stored: string | null): QueuedPunch[] {
  if (!stored) return [];
  try {
    const value: unknown = JSON.parse(stored);
    return Array.isArray(value) ? value.filter(isQueuedPunch) : [];
  } catch {
    return [];
  }
}

function isQueuedPunch(v: unknown): v is QueuedPunch {
  const p = v as QueuedPunch;
  return typeof p === "object" && p !== null && typeof p.requestId === "string" && (p.kind === "in" || p.kind === "out");
}

/** The queue with `punch` added, or replaced when its request id is already in it (the queue never doubles a punch). */
export function withPunch(queue: readonly QueuedPunch[], punch: QueuedPunch): QueuedPunch[] {
  const i = queue.findIndex((p) => p.requestId === punch.requestId);
  if (i < 0) return [...queue, punch];
  return queue.map((p, j) => (j === i ? punch : p));
}

export function withoutPunch(queue: readonly QueuedPunch[], requestId: string): QueuedPunch[] {
  return queue.filter((p) => p.requestId !== requestId);
}

/** What an HTTP answer means for a queued punch: a thrown fetch or a 5xx/503 keeps it for later. */
export function outcomeOf(status: number | null, body: unknown): SendOutcome {
  if (status === null || status >= 500 || status === 408 || status === 429) return { kind: "network" };
  if (status >= 200 && status < 300) return { kind: "accepted" };
  const error = (body as { error?: { message?: string; details?: { reason?: string } } } | null)?.error;
  return { kind: "refused", message: error?.message ?? "", reason: error?.details?.reason ?? null };
}

/** A closed polygon approximating a circle of `radiusM` around a point (for the accuracy ring on the map). */
export function circleRing(lon: number, lat: number, radiusM: number, steps = 48): [number, number][] {
  const metresPerDegLat = 111_320;
  const metresPerDegLon = metresPerDegLat * Math.cos((lat * Math.PI) / 180);
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * (i % steps)) / steps;
    ring.push([lon + (radiusM * Math.sin(a)) / metresPerDegLon, lat + (radiusM * Math.cos(a)) / metresPerDegLat]);
  }
  return ring;
}

import { describe, expect, it } from "vitest";
import { circleRing, outcomeOf, parseQueue, withoutPunch, withPunch, type QueuedPunch } from "./punch-queue";

const punch = (requestId: string, over: Partial<QueuedPunch> = {}): QueuedPunch => ({
  requestId,
  kind: "in",
  lon: 116.4,
  lat: 39.9,
  accuracyM: 12,
  deviceAt: "2026-12-04T00:30:00.000Z",
  offline: false,
  outsideReason: null,
  photoBase64: null,
  ...over,
});

describe("the punch queue", () => {
  it("never holds one request id twice: a second add replaces it", () => {
    const q = withPunch(withPunch([], punch("a")), punch("b"));
    expect(withPunch(q, punch("a", { offline: true })).map((p) => [p.requestId, p.offline])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(withoutPunch(q, "a").map((p) => p.requestId)).toEqual(["b"]);
  });
  it("reads back what it stored and ignores anything else", () => {
    expect(parseQueue(JSON.stringify([punch("a"), { x: 1 }, null]))).toEqual([punch("a")]);
    expect(parseQueue("not json")).toEqual([]);
    expect(parseQueue(null)).toEqual([]);
  });
});

describe("what an answer means", () => {
  it("no answer, 5xx, 408 and 429 keep the punch; 2xx removes it; 4xx is a refusal with its message", () => {
    expect(outcomeOf(null, null)).toEqual({ kind: "network" });
    expect(outcomeOf(503, null)).toEqual({ kind: "network" });
    expect(outcomeOf(429, null)).toEqual({ kind: "network" });
    expect(outcomeOf(201, {})).toEqual({ kind: "accepted" });
    expect(outcomeOf(200, {})).toEqual({ kind: "accepted" });
    expect(outcomeOf(422, { error: { message: "请填写原因", details: { reason: "reason_required" } } })).toEqual({
      kind: "refused",
      message: "请填写原因",
      reason: "reason_required",
    });
  });
});

describe("the accuracy ring", () => {
  it("is closed and lies the radius away from the centre", () => {
    const ring = circleRing(116.4, 39.9, 100, 4);
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect((ring[0][1] - 39.9) * 111_320).toBeCloseTo(100, 6);
  });
});

import { describe, expect, it } from "vitest";
import { beijingDayOf, decidePunchTiming } from "./punch-timing";

const server = new Date("2026-12-04T00:30:00Z"); // 08:30 in Beijing, 4 December
const minutes = (m: number) => new Date(server.getTime() + m * 60_000);

describe("online punch: the server's time and day", () => {
  it("a phone 5 minutes off is fine, 5 minutes and 1 second off is clock_skew", () => {
    expect(decidePunchTiming({ serverAt: server, deviceAt: minutes(-5), offline: false })).toEqual({
      ok: true,
      day: "2026-12-04",
      flags: [],
    });
    expect(decidePunchTiming({ serverAt: server, deviceAt: new Date(minutes(5).getTime() + 1000), offline: false })).toEqual({
      ok: true,
      day: "2026-12-04",
      flags: ["clock_skew"],
    });
  });
  it("the day is Beijing's: 23:59 UTC on the 3rd is the 4th", () => {
    expect(beijingDayOf(new Date("2026-12-03T15:59:59Z"))).toBe("2026-12-03");
    expect(beijingDayOf(new Date("2026-12-03T16:00:00Z"))).toBe("2026-12-04");
  });
});

describe("offline punch: flagged, on the day of the phone's time", () => {
  it("made yesterday evening in Beijing, sent this morning: day of the device time", () => {
    expect(decidePunchTiming({ serverAt: server, deviceAt: new Date("2026-12-03T10:05:00Z"), offline: true })).toEqual({
      ok: true,
      day: "2026-12-03",
      flags: ["offline"],
    });
  });
  it("a device time from the future is clock_skew and takes the server's day", () => {
    expect(decidePunchTiming({ serverAt: server, deviceAt: minutes(24 * 60), offline: true })).toEqual({
      ok: true,
      day: "2026-12-04",
      flags: ["offline", "clock_skew"],
    });
  });
  it("72 hours old is still sent, 72 hours and a minute is refused", () => {
    expect(decidePunchTiming({ serverAt: server, deviceAt: minutes(-72 * 60), offline: true }).ok).toBe(true);
    expect(decidePunchTiming({ serverAt: server, deviceAt: minutes(-72 * 60 - 1), offline: true })).toEqual({
      ok: false,
      reason: "offline_too_old",
    });
  });
  it("an offline punch without the phone's time is refused", () => {
    expect(decidePunchTiming({ serverAt: server, deviceAt: null, offline: true })).toEqual({
      ok: false,
      reason: "offline_needs_device_time",
    });
  });
});

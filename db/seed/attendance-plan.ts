/**
 * The demo attendance of the last weeks (issue 11, "demo attendance data"), pure: for each person and day,
 * what they did — when they punched in and out and from where, whether a punch was sent late from the
 * offline queue, when they walked their patrols, which punch they forgot. Nothing here decides a verdict:
 * the positions go through lib/attendance's fence rule and the days through its daily rule (attendance.ts);
 * this file only invents the behaviour, the way cases-lifecycle.ts invents scenarios for lib/case.
 *
 * The mix on a working day: mostly on time (in up to 25 minutes before the start, out up to 30 after the
 * end), ~5 % late and ~3 % early by more than the grace, ~3 % a forgotten punch, ~1 % absent, ~2 % punching in
 * away from the fence (a visit, with a reason), ~1 % punched offline and sent later, ~6 % staying late
 * (overtime). Grid staff walk their patrols (mostly two of 32–55 minutes, some one or none, a few cut short); a few
 * work a weekend morning.
 */
import { rngFor, type Rng } from "./random";

export type FencePlace =
  | { shape: "circle"; lon: number; lat: number; radiusM: number }
  | { shape: "polygon"; lon: number; lat: number; halfWidthM: number; halfHeightM: number };

export type AttendancePerson = {
  staffId: number;
  staffNo: string;
  hireDate: string;
  leaveDate: string | null;
  startMinute: number;
  endMinute: number;
  lateGraceMinutes: number;
  earlyGraceMinutes: number;
  requiredPatrols: number;
  /** The fence the person punches at (null: none serves them). */
  fence: FencePlace | null;
  /** Whether the person walks patrols (grid staff with a post). */
  patrols: boolean;
};

export type PlannedPunch = {
  kind: "in" | "out";
  /** When it reached the server (epoch ms). */
  serverAt: number;
  /** The phone's time, for a punch sent from the offline queue (else null). */
  deviceAt: number | null;
  offline: boolean;
  lon: number;
  lat: number;
  accuracyM: number;
  outsideReason: string | null;
};

export type PlannedPatrol = { startAt: number; minutes: number };

export type PersonDay = {
  staffId: number;
  day: string;
  punches: PlannedPunch[];
  patrols: PlannedPatrol[];
  /** The punch the person forgot, when they did (a candidate for 补卡). */
  forgot: "in" | "out" | null;
};

const MINUTE = 60_000;
const OUTSIDE_REASONS = ["入户走访", "社区活动现场", "参加街道会议", "协助处置突发事件", "走访辖区商户"];

/** Epoch ms of a local minute of a Beijing day. */
export function localMinuteAt(day: string, minute: number, utcOffsetMinutes = 480): number {
  return Date.parse(`${day}T00:00:00Z`) + (minute - utcOffsetMinutes) * MINUTE;
}

/** A point `distanceM` from (lon, lat) at `bearing` radians (a local flat approximation: fences are small). */
export function offsetPoint(lon: number, lat: number, distanceM: number, bearing: number): [number, number] {
  const dLat = (distanceM * Math.cos(bearing)) / 111_320;
  const dLon = (distanceM * Math.sin(bearing)) / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lon + dLon, lat + dLat];
}

/** A position well inside the fence (what a phone standing in the yard reports), with its accuracy. */
function insidePosition(rng: Rng, f: FencePlace): { lon: number; lat: number; accuracyM: number } {
  const accuracyM = Math.round(rng.range(5, 35));
  if (f.shape === "circle") {
    const [lon, lat] = offsetPoint(f.lon, f.lat, f.radiusM * 0.6 * Math.sqrt(rng.next()), rng.range(0, 2 * Math.PI));
    return { lon, lat, accuracyM };
  }
  const [x] = offsetPoint(f.lon, f.lat, rng.range(-0.7, 0.7) * f.halfWidthM, Math.PI / 2);
  const [, y] = offsetPoint(f.lon, f.lat, rng.range(-0.7, 0.7) * f.halfHeightM, 0);
  return { lon: x, lat: y, accuracyM };
}

/** A position 250–900 m from the fence's centre (a visit in the neighbourhood). */
function awayPosition(rng: Rng, f: FencePlace): { lon: number; lat: number; accuracyM: number } {
  const reach = (f.shape === "circle" ? f.radiusM : Math.max(f.halfWidthM, f.halfHeightM)) + rng.range(250, 900);
  const [lon, lat] = offsetPoint(f.lon, f.lat, reach, rng.range(0, 2 * Math.PI));
  return { lon, lat, accuracyM: Math.round(rng.range(8, 40)) };
}

/** The behaviour of one person on one day (`workday` from the working calendar). */
export function planPersonDay(seed: number, person: AttendancePerson, day: string, workday: boolean): PersonDay {
  const out: PersonDay = { staffId: person.staffId, day, punches: [], patrols: [], forgot: null };
  if (day < person.hireDate || (person.leaveDate !== null && day >= person.leaveDate) || !person.fence) return out;
  const rng = rngFor(seed, person.staffNo, day, "attendance");
  const fence = person.fence;
  let inMinute: number;
  let outMinute: number;
  if (workday) {
    const x = rng.next();
    if (x < 0.008) return out; // absent
    inMinute = person.startMinute - rng.int(0, 25);
    outMinute = person.endMinute + rng.int(0, 30);
    const y = rng.next();
    if (y < 0.05) inMinute = person.startMinute + person.lateGraceMinutes + rng.int(1, 45);
    else if (y < 0.08) outMinute = person.endMinute - person.earlyGraceMinutes - rng.int(1, 60);
    else if (y < 0.14) outMinute = person.endMinute + rng.int(60, 180);
  } else {
    // A few grid staff work a weekend or holiday morning (overtime on a rest day).
    if (!person.patrols || !rng.chance(0.04)) return out;
    inMinute = 9 * 60 - rng.int(0, 15);
    outMinute = 12 * 60 + rng.int(0, 30);
  }
  const z = rng.next();
  const forgot: "in" | "out" | null = workday && z < 0.012 ? "in" : workday && z < 0.03 ? "out" : null;
  const outsideIn = workday && rng.chance(0.02);
  const offlineIn = rng.chance(0.01);
  const punch = (kind: "in" | "out", minute: number, away: boolean, offline: boolean): PlannedPunch => {
    const at = localMinuteAt(day, minute) + rng.int(0, 59) * 1000;
    const where = away ? awayPosition(rng, fence) : insidePosition(rng, fence);
    return {
      kind,
      // Sent from the offline queue 10 minutes to 3 hours later; the server keeps both times.
      serverAt: offline ? at + rng.int(10, 180) * MINUTE : at,
      deviceAt: offline ? at : null,
      offline,
      ...where,
      outsideReason: away ? rng.pick(OUTSIDE_REASONS) : null,
    };
  };
  if (forgot !== "in") out.punches.push(punch("in", inMinute, outsideIn, offlineIn));
  if (forgot !== "out") out.punches.push(punch("out", outMinute, false, false));
  out.forgot = forgot;

  if (person.patrols && person.requiredPatrols > 0) {
    const n = workday ? (rng.chance(0.85) ? 2 : rng.chance(0.65) ? 1 : 0) : 1;
    const slots = [rng.int(9 * 60 + 30, 10 * 60 + 45), rng.int(14 * 60, 15 * 60 + 30)];
    for (let i = 0; i < n; i++) {
      // Mostly 32–55 minutes; a few walks cut short, too short to count.
      const minutes = rng.chance(0.05) ? rng.int(6, 12) : rng.int(32, 55);
      const start = workday ? slots[i] : Math.max(inMinute + 20, 9 * 60 + 30);
      if (start + minutes >= outMinute) continue;
      out.patrols.push({ startAt: localMinuteAt(day, start) + rng.int(0, 59) * 1000, minutes });
    }
  }
  return out;
}

/** A walk through `waypoints` (lon/lat, inside the area), a fix every `stepS` seconds at ~1.1 m/s with GPS noise. */
export function planTrack(
  rng: Rng,
  waypoints: readonly (readonly [number, number])[],
  startAt: number,
  minutes: number,
  stepS = 60,
): { at: number; lon: number; lat: number; accuracyM: number }[] {
  const fixes: { at: number; lon: number; lat: number; accuracyM: number }[] = [];
  if (waypoints.length === 0) return fixes;
  const count = Math.max(2, Math.floor((minutes * 60) / stepS) + 1);
  let k = rng.int(0, waypoints.length - 1);
  let [lon, lat] = waypoints[k];
  let target = waypoints[(k + 1) % waypoints.length];
  const speed = rng.range(0.9, 1.3);
  for (let i = 0; i < count; i++) {
    const [nLon, nLat] = offsetPoint(lon, lat, rng.range(0, 6), rng.range(0, 2 * Math.PI));
    fixes.push({ at: startAt + i * stepS * 1000, lon: nLon, lat: nLat, accuracyM: Math.round(rng.range(5, 25)) });
    // Walk towards the next waypoint; on reaching it, head for the one after.
    let left = speed * stepS;
    // (bounded: waypoints that coincide would never use up the step)
    for (let guard = 0; left > 0 && guard <= waypoints.length + 2; guard++) {
      const dx = (target[0] - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
      const dy = (target[1] - lat) * 111_320;
      const d = Math.hypot(dx, dy);
      if (d <= left) {
        [lon, lat] = target;
        left -= d;
        k = (k + 1) % waypoints.length;
        target = waypoints[(k + 1) % waypoints.length];
      } else {
        lon += ((dx / d) * left) / (111_320 * Math.cos((lat * Math.PI) / 180));
        lat += ((dy / d) * left) / 111_320;
        left = 0;
      }
    }
  }
  return fixes;
}

/** A version-4 UUID from the random stream (punch request ids: deterministic for a seed). */
export function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

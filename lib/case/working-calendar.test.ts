import { describe, expect, it } from "vitest";
import { CHINA_2026_WORKING_CALENDAR as cal } from "./holidays-2026";
import {
  addLimit,
  addWorkingMinutes,
  createWorkingCalendar,
  dayClassOf,
  isWorkingDay,
  localDateKey,
  workingMinutesBetween,
} from "./working-calendar";

/** A local (UTC+08:00) wall-clock time, e.g. at("2026-03-06 16:00"). */
const at = (local: string) => new Date(`${local.replace(" ", "T")}+08:00`);

describe("isWorkingDay (2026 calendar, 09:00–17:00)", () => {
  it("follows weekends, statutory holidays and swapped workdays", () => {
    expect(isWorkingDay("2026-03-06", cal)).toBe(true); // Friday
    expect(isWorkingDay("2026-03-07", cal)).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-08", cal)).toBe(false); // Sunday
    expect(isWorkingDay("2026-10-01", cal)).toBe(false); // 国庆, Thursday
    expect(isWorkingDay("2026-10-08", cal)).toBe(true); // first day back, Thursday
    expect(isWorkingDay("2026-10-10", cal)).toBe(true); // 调休 Saturday
    expect(isWorkingDay("2026-10-11", cal)).toBe(false); // ordinary Sunday
    expect(isWorkingDay("2026-09-20", cal)).toBe(true); // 调休 Sunday
    expect(isWorkingDay("2026-01-04", cal)).toBe(true); // 元旦 调休 Sunday
    expect(isWorkingDay("2026-02-14", cal)).toBe(true); // 春节 调休 Saturday
    expect(isWorkingDay("2026-02-23", cal)).toBe(false); // 春节, Monday
    expect(isWorkingDay("2026-02-24", cal)).toBe(true);
    expect(isWorkingDay("2026-05-05", cal)).toBe(false); // 劳动节, Tuesday
  });

  it("takes the local (UTC+08:00) date of an instant, not the UTC date", () => {
    // 2026-09-30T16:30Z is 10/1 00:30 in China: a holiday, though the UTC date is a working Wednesday.
    expect(isWorkingDay(new Date("2026-09-30T16:30:00Z"), cal)).toBe(false);
    expect(localDateKey(new Date("2026-09-30T16:30:00Z"), cal)).toBe("2026-10-01");
    // 2026-09-30T15:30Z is 9/30 23:30 local: still Wednesday.
    expect(isWorkingDay(new Date("2026-09-30T15:30:00Z"), cal)).toBe(true);
  });
});

describe("addWorkingMinutes", () => {
  it("Friday 16:00 + 2 working hours → Monday 10:00 (1 h Friday, 1 h Monday)", () => {
    expect(addWorkingMinutes(at("2026-03-06 16:00"), 120, cal)).toEqual(at("2026-03-09 10:00"));
  });

  it("a deadline that uses up the day exactly is 17:00 that day, not 09:00 the next working day", () => {
    expect(addWorkingMinutes(at("2026-03-06 16:00"), 60, cal)).toEqual(at("2026-03-06 17:00"));
    expect(addWorkingMinutes(at("2026-03-06 16:00"), 61, cal)).toEqual(at("2026-03-09 09:01"));
  });

  it("a start outside working hours counts from the next working range", () => {
    expect(addWorkingMinutes(at("2026-03-09 07:00"), 30, cal)).toEqual(at("2026-03-09 09:30")); // before hours
    expect(addWorkingMinutes(at("2026-03-09 18:00"), 30, cal)).toEqual(at("2026-03-10 09:30")); // after hours
    expect(addWorkingMinutes(at("2026-03-07 11:00"), 30, cal)).toEqual(at("2026-03-09 09:30")); // Saturday
  });

  it("counts a 调休 Saturday as a working day", () => {
    // Fri 10/9 16:00–17:00 = 60, then Saturday 10/10 is a swapped workday: 09:00 + 60 = 10:00.
    expect(addWorkingMinutes(at("2026-10-09 16:00"), 120, cal)).toEqual(at("2026-10-10 10:00"));
    // Fri 2/13 16:00–17:00 = 60, Saturday 2/14 is a swapped workday before 春节.
    expect(addWorkingMinutes(at("2026-02-13 16:00"), 120, cal)).toEqual(at("2026-02-14 10:00"));
  });

  it("skips a statutory holiday: 9/30 16:00 + 2 working hours → 10/8 10:00", () => {
    expect(addWorkingMinutes(at("2026-09-30 16:00"), 120, cal)).toEqual(at("2026-10-08 10:00"));
  });

  it("a case received on a holiday starts counting on the next working day", () => {
    // Sat 10/3 is inside 国庆; first working time is Thu 10/8 09:00.
    expect(addWorkingMinutes(at("2026-10-03 10:00"), 30, cal)).toEqual(at("2026-10-08 09:30"));
  });

  it("zero minutes is the start itself, even outside working hours", () => {
    expect(addWorkingMinutes(at("2026-03-07 11:00"), 0, cal)).toEqual(at("2026-03-07 11:00"));
  });

  it("works with a lunch break (09:00–12:00, 13:30–18:00)", () => {
    const lunch = createWorkingCalendar({
      workingHours: [
        [540, 720],
        [810, 1080],
      ],
    });
    // 11:00–12:00 = 60, then 13:30 + 30 = 14:00.
    expect(addWorkingMinutes(at("2026-03-09 11:00"), 90, lunch)).toEqual(at("2026-03-09 14:00"));
    // Starting in the break counts from 13:30.
    expect(addWorkingMinutes(at("2026-03-09 12:30"), 30, lunch)).toEqual(at("2026-03-09 14:00"));
    // A full day is 3 h + 4.5 h = 450 min: Mon 09:00 + 451 → Tue 09:01.
    expect(addWorkingMinutes(at("2026-03-09 09:00"), 451, lunch)).toEqual(at("2026-03-10 09:01"));
  });

  it("refuses negative minutes and a calendar without working days", () => {
    expect(() => addWorkingMinutes(at("2026-03-09 09:00"), -1, cal)).toThrow(RangeError);
    const never = createWorkingCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] });
    expect(() => addWorkingMinutes(at("2026-03-09 09:00"), 1, never)).toThrow(/no working time/);
  });
});

describe("workingMinutesBetween", () => {
  it("counts only working time, signed", () => {
    expect(workingMinutesBetween(at("2026-03-06 16:00"), at("2026-03-09 10:00"), cal)).toBe(120);
    expect(workingMinutesBetween(at("2026-03-09 10:00"), at("2026-03-06 16:00"), cal)).toBe(-120);
    expect(workingMinutesBetween(at("2026-03-07 10:00"), at("2026-03-08 15:00"), cal)).toBe(0); // weekend
    // 9/30 10:00–17:00 = 420, holidays 10/1–10/7 = 0, then 7 days (10/8, 10/9, 10/10, 10/12–10/15) × 480 = 3360.
    expect(workingMinutesBetween(at("2026-09-30 10:00"), at("2026-10-15 17:00"), cal)).toBe(3780);
    // Evenings do not count: 16:00 → 20:00 is one working hour.
    expect(workingMinutesBetween(at("2026-03-09 16:00"), at("2026-03-09 20:00"), cal)).toBe(60);
  });

  it("is the inverse of addWorkingMinutes", () => {
    const lunch = createWorkingCalendar({
      workingHours: [
        [540, 720],
        [810, 1080],
      ],
    });
    const examples: [Date, number, typeof cal][] = [
      [at("2026-03-06 16:00"), 120, cal], // over a weekend
      [at("2026-09-30 10:00"), 3780, cal], // over 国庆, into the 调休 Saturday
      [at("2026-10-03 10:00"), 30, cal], // starts on a holiday
      [at("2026-02-13 16:59"), 2000, cal], // over 春节 with both 调休 Saturdays
      [at("2026-03-07 20:00"), 1000, cal], // starts on a Saturday evening
      [at("2026-03-09 11:00"), 90, lunch], // across the lunch break
      [at("2026-12-31 16:30"), 45, cal], // into 2027 (no 2027 data: 1/1 is an ordinary Friday)
    ];
    for (const [start, minutes, c] of examples) {
      const end = addWorkingMinutes(start, minutes, c);
      expect(workingMinutesBetween(start, end, c)).toBe(minutes);
    }
    // Spot-check one end by hand: 2026-12-31 16:30 + 45 → 17:00 (30) + 2027-01-01 09:15 (15).
    expect(addWorkingMinutes(at("2026-12-31 16:30"), 45, cal)).toEqual(at("2027-01-01 09:15"));
  });
});

describe("addLimit", () => {
  it("natural hours run through midnight and holidays: emergency 2 h from 10/1 23:00 → 10/2 01:00", () => {
    expect(addLimit(at("2026-10-01 23:00"), { amount: 2, unit: "natural_hours" }, cal)).toEqual(at("2026-10-02 01:00"));
    expect(addLimit(at("2026-03-09 23:55"), { amount: 10, unit: "natural_minutes" }, cal)).toEqual(at("2026-03-10 00:05"));
  });

  it("7 working days from 2026-09-30 10:00 → end of 10/15 (10/8 = day 1, 10/10 调休 = day 3)", () => {
    // 10/8 Thu 1, 10/9 Fri 2, 10/10 Sat (调休) 3, 10/11 Sun off, 10/12 4, 10/13 5, 10/14 6, 10/15 7.
    expect(addLimit(at("2026-09-30 10:00"), { amount: 7, unit: "working_days" }, cal)).toEqual(at("2026-10-15 17:00"));
  });

  it("the day of receipt never counts, whatever the hour", () => {
    const oneDay = { amount: 1, unit: "working_days" } as const;
    expect(addLimit(at("2026-03-09 08:00"), oneDay, cal)).toEqual(at("2026-03-10 17:00"));
    expect(addLimit(at("2026-03-09 16:59"), oneDay, cal)).toEqual(at("2026-03-10 17:00"));
    expect(addLimit(at("2026-03-06 10:00"), oneDay, cal)).toEqual(at("2026-03-09 17:00")); // Fri → Mon
  });

  it("received on a holiday: day 1 is the next working day", () => {
    // Received Monday 10/5 (国庆): day 1 is Thursday 10/8.
    expect(addLimit(at("2026-10-05 10:00"), { amount: 1, unit: "working_days" }, cal)).toEqual(at("2026-10-08 17:00"));
  });

  it("7 working days over 春节 count both 调休 Saturdays", () => {
    // Received Fri 2/13: 2/14 Sat (调休) 1, 2/15–2/23 off, 2/24 2, 2/25 3, 2/26 4, 2/27 5, 2/28 Sat (调休) 6,
    // 3/1 Sun off, 3/2 Mon 7.
    expect(addLimit(at("2026-02-13 10:00"), { amount: 7, unit: "working_days" }, cal)).toEqual(at("2026-03-02 17:00"));
  });

  it("working days end at the end of the last working range", () => {
    const lunch = createWorkingCalendar({
      workingHours: [
        [540, 720],
        [810, 1080],
      ],
    });
    expect(addLimit(at("2026-03-09 10:00"), { amount: 1, unit: "working_days" }, lunch)).toEqual(at("2026-03-10 18:00"));
  });

  it("working hours and minutes", () => {
    expect(addLimit(at("2026-03-06 16:00"), { amount: 2, unit: "working_hours" }, cal)).toEqual(at("2026-03-09 10:00"));
    expect(addLimit(at("2026-03-06 16:50"), { amount: 30, unit: "working_minutes" }, cal)).toEqual(at("2026-03-09 09:20"));
  });

  it("refuses fractional or zero working days and negative amounts", () => {
    expect(() => addLimit(at("2026-03-09 10:00"), { amount: 1.5, unit: "working_days" }, cal)).toThrow(RangeError);
    expect(() => addLimit(at("2026-03-09 10:00"), { amount: 0, unit: "working_days" }, cal)).toThrow(RangeError);
    expect(() => addLimit(at("2026-03-09 10:00"), { amount: -2, unit: "natural_hours" }, cal)).toThrow(RangeError);
  });
});

describe("createWorkingCalendar", () => {
  it("defaults to UTC+08:00, 09:00–17:00, Saturday and Sunday off", () => {
    const plain = createWorkingCalendar();
    expect(plain.utcOffsetMinutes).toBe(480);
    expect(plain.workingHours).toEqual([[540, 1020]]);
    expect(isWorkingDay("2026-10-01", plain)).toBe(true); // no holiday data: an ordinary Thursday
    expect(isWorkingDay("2026-10-10", plain)).toBe(false);
  });

  it("refuses bad data", () => {
    expect(() => createWorkingCalendar({ workingHours: [] })).toThrow(RangeError);
    expect(() =>
      createWorkingCalendar({
        workingHours: [
          [540, 720],
          [700, 1000],
        ],
      }),
    ).toThrow(/overlap/);
    expect(() => createWorkingCalendar({ workingHours: [[600, 540]] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ workingHours: [[0, 1441]] })).toThrow(RangeError);
    expect(() => createWorkingCalendar({ holidays: ["2026-02-30"] })).toThrow(/not a date/);
    expect(() => createWorkingCalendar({ workdays: ["2026/10/10"] })).toThrow(/not a date/);
    expect(() => createWorkingCalendar({ holidays: ["2026-10-10"], workdays: ["2026-10-10"] })).toThrow(/both/);
    expect(() => createWorkingCalendar({ weekend: [7] })).toThrow(RangeError);
  });
});

describe("statutory holidays apart from moved rest days", () => {
  it("a statutory day must be a holiday", () => {
    expect(() => createWorkingCalendar({ holidays: ["2026-10-01"], statutory: ["2026-10-02"] })).toThrow(
      /not listed as a holiday/,
    );
  });
  it("dayClassOf tells workday, weekend, moved rest day and statutory holiday apart", () => {
    const cal = createWorkingCalendar({
      holidays: ["2026-10-01", "2026-10-05"],
      statutory: ["2026-10-01"],
      workdays: ["2026-10-10"],
    });
    expect(["2026-10-01", "2026-10-05", "2026-10-10", "2026-10-11", "2026-10-12"].map((d) => dayClassOf(d, cal))).toEqual([
      "statutory",
      "moved_rest",
      "workday",
      "weekend",
      "workday",
    ]);
  });
});

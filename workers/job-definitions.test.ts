import { describe, expect, it } from "vitest";
import { enqueue } from "./enqueue";
import { JOB_DEFINITIONS, JOB_NAMES, jobRetry, jobSchedule, jobThrottleSeconds } from "./job-definitions";
import { jobs } from "./jobs";

describe("job definitions shared by the sender and the worker", () => {
  it("the worker has exactly one handler for every defined job, with the definition's schedule", () => {
    expect(jobs.map((j) => j.name).sort()).toEqual([...JOB_NAMES].sort());
    expect(Object.fromEntries(jobs.map((j) => [j.name, j.schedule]))).toEqual({
      "case.changed": undefined,
      "hotline.import": undefined,
      "region-stats.refresh": "15 2 * * *",
      "case-heat.bin": "* * * * *",
      "case-map.refresh-open": "* * * * *",
      "case-clock.run": "* * * * *",
      "attendance-days.compute": "10 16 * * *",
      "attendance-month.report": "30 17 * * *",
      "transfer.apply-due": "5 * * * *",
    });
    expect(jobSchedule("case-clock.run")).toBe("* * * * *");
    expect(jobThrottleSeconds("case.changed")).toBe(2);
    expect(jobThrottleSeconds("hotline.import")).toBeUndefined();
  });

  it("the worker parses a payload with the schema the sender is typed against", async () => {
    const hotline = jobs.find((j) => j.name === "hotline.import")!;
    await expect(hotline.run({ batchId: "7" }, { conn: null as never })).rejects.toThrow(/batchId/);
    expect(JOB_DEFINITIONS["hotline.import"].payload.parse({ batchId: 7 })).toEqual({ batchId: 7 });
  });

  it("the sender refuses a payload the worker could not run, before touching the database", async () => {
    const untouched = null as never;
    await expect(enqueue(untouched, "hotline.import", { batchId: -1 })).rejects.toThrow(/batchId/);
    await expect(enqueue(untouched, "case-clock.run", { now: "yesterday" })).rejects.toThrow(/now/);
  });

  it("a wrong name or payload does not compile (checked by tsc)", () => {
    const compileOnly = (): unknown[] => [
      // @ts-expect-error: no such job
      enqueue(null as never, "case.chnaged", {}),
      // @ts-expect-error: batchId is a number
      enqueue(null as never, "hotline.import", { batchId: "7" }),
      // @ts-expect-error: batchId is required
      enqueue(null as never, "hotline.import", {}),
    ];
    expect(typeof compileOnly).toBe("function");
  });

  it("every job retries with a delay and backoff; one-off jobs outlive a database outage of half an hour", () => {
    for (const name of JOB_NAMES) {
      const retry = jobRetry(name);
      expect([name, retry.retryBackoff, retry.retryDelay > 0, retry.retryLimit >= 3]).toEqual([name, true, true, true]);
    }
    expect(jobRetry("hotline.import")).toEqual({ retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 600 });
    expect(jobRetry("case.changed")).toEqual(jobRetry("hotline.import"));
    // The span of the retries without jitter: 5, 10, 20 … s, each capped at 10 min.
    const { retryLimit, retryDelay, retryDelayMax } = jobRetry("hotline.import");
    const span = Array.from({ length: retryLimit }, (_, i) => Math.min(retryDelayMax, retryDelay * 2 ** i)).reduce(
      (a, b) => a + b,
    );
    expect(span).toBeGreaterThan(30 * 60);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { moveActive, scheduleSearch, shownSearch, type SearchResult } from "./place-search";

const select = (json: unknown) => (json as { hits: string[] }).hits;

describe("scheduleSearch", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once typing has rested 180 ms, and hands over the hits it selects", async () => {
    const fetchJsonImpl = vi.fn(async () => ({ hits: ["西马庄社区", "西马庄小区"] }));
    const results: SearchResult<string>[] = [];
    scheduleSearch({ url: "/api/search?q=西马", select, onResult: (r) => results.push(r), fetchJsonImpl });
    await vi.advanceTimersByTimeAsync(179);
    expect(fetchJsonImpl).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchJsonImpl).toHaveBeenCalledTimes(1);
    expect(fetchJsonImpl.mock.calls[0]).toEqual(["/api/search?q=西马", expect.any(AbortSignal)]);
    expect(results).toEqual([{ url: "/api/search?q=西马", state: { status: "ready", hits: ["西马庄社区", "西马庄小区"] } }]);
  });

  it("cancelled while waiting, it never asks; cancelled while asking, it aborts and drops the answer", async () => {
    const fetchJsonImpl = vi.fn(
      (_url: string, signal: AbortSignal) =>
        new Promise<unknown>((resolve) => setTimeout(() => resolve({ hits: [signal.aborted ? "aborted" : "late"] }), 500)),
    );
    const results: SearchResult<string>[] = [];
    const cancelEarly = scheduleSearch({ url: "/a", select, onResult: (r) => results.push(r), fetchJsonImpl });
    await vi.advanceTimersByTimeAsync(100);
    cancelEarly();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetchJsonImpl).not.toHaveBeenCalled();

    const cancelLate = scheduleSearch({ url: "/b", select, onResult: (r) => results.push(r), fetchJsonImpl });
    await vi.advanceTimersByTimeAsync(200);
    expect(fetchJsonImpl).toHaveBeenCalledTimes(1);
    cancelLate();
    expect(fetchJsonImpl.mock.calls[0][1].aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(results).toEqual([]);
  });

  it("turns a failure into its message, or the generic one", async () => {
    const results: SearchResult<string>[] = [];
    scheduleSearch({
      url: "/x",
      select,
      onResult: (r) => results.push(r),
      fetchJsonImpl: async () => {
        throw new Error("您没有权限执行此操作。");
      },
    });
    scheduleSearch({
      url: "/y",
      select,
      onResult: (r) => results.push(r),
      fetchJsonImpl: async () => {
        throw new Error("");
      },
    });
    await vi.advanceTimersByTimeAsync(180);
    expect(results).toEqual([
      { url: "/x", state: { status: "error", message: "您没有权限执行此操作。" } },
      { url: "/y", state: { status: "error", message: "搜索失败，请稍后重试" } },
    ]);
  });
});

describe("shownSearch", () => {
  const answer: SearchResult<string> = { url: "/api/search?q=a", state: { status: "ready", hits: ["甲"] } };
  it("is idle with nothing to ask, the answer for the current request, and loading until it comes", () => {
    expect(shownSearch(null, answer)).toEqual({ status: "idle" });
    expect(shownSearch("/api/search?q=a", answer)).toEqual({ status: "ready", hits: ["甲"] });
    expect(shownSearch("/api/search?q=ab", answer)).toEqual({ status: "loading" });
    expect(shownSearch("/api/search?q=a", null)).toEqual({ status: "loading" });
  });
});

describe("moveActive", () => {
  it("goes round the list both ways and stays at 0 when it is empty", () => {
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(0);
    expect(moveActive(0, -1, 3)).toBe(2);
    expect(moveActive(4, 1, 0)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { createClickQueue } from "./click-queue";

describe("createClickQueue", () => {
  it("keeps the last click made before the map is ready and hands it back once", () => {
    const queue = createClickQueue<string>();
    expect(queue.offer("first")).toBe(false);
    expect(queue.offer("second")).toBe(false);
    expect(queue.ready()).toBe("second");
    // ready only once: later idles hand back nothing
    expect(queue.ready()).toBeNull();
  });

  it("lets clicks through once ready, and has nothing to replay when there was none", () => {
    const queue = createClickQueue<string>();
    expect(queue.ready()).toBeNull();
    expect(queue.offer("now")).toBe(true);
    expect(queue.ready()).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { REGION_ACTIVE_ZOOMS } from "@/tiles/style";
import { activeLevelAt } from "./level-indicator";

describe("activeLevelAt", () => {
  it("follows the style's active zoom ranges", () => {
    expect(activeLevelAt(7)).toBe(0);
    expect(activeLevelAt(REGION_ACTIVE_ZOOMS.street.from)).toBe(1);
    expect(activeLevelAt(REGION_ACTIVE_ZOOMS.community.from - 0.01)).toBe(1);
    expect(activeLevelAt(REGION_ACTIVE_ZOOMS.community.from)).toBe(2);
    expect(activeLevelAt(REGION_ACTIVE_ZOOMS.xiaoqu.from + 0.1)).toBe(3);
    expect(activeLevelAt(REGION_ACTIVE_ZOOMS.grid.from)).toBe(4);
    expect(activeLevelAt(19)).toBe(4);
  });
});

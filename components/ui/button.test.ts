import { describe, expect, it } from "vitest";
import { buttonClass } from "./button";

describe("buttonClass", () => {
  it("adds extra classes to the kind's", () => {
    expect(buttonClass("quiet", "w-full")).toBe(
      "rounded-lg px-4 py-2 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 w-full",
    );
  });

  it("lets an extra padding or shadow replace the kind's, so two never fight in the CSS", () => {
    expect(buttonClass("dark", "py-1.5").split(" ").sort()).toEqual(
      "rounded-lg bg-slate-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-400 focus-visible:ring-offset-2"
        .split(" ")
        .sort(),
    );
    expect(buttonClass("primary", "shadow-sm").split(" ")).toContain("shadow-sm");
    expect(buttonClass("save", "shadow-sm").split(" ")).not.toContain("shadow");
  });
});

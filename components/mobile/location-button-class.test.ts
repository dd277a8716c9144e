import { describe, expect, it } from "vitest";
import { locationButtonClass } from "./location-button-class";

const utilities = (cls: string, prefix: string) =>
  cls.split(" ").filter((c) => c.startsWith(prefix) && !c.includes(":") && !/^text-(xs|sm|base|lg)$/.test(c));

describe("locationButtonClass", () => {
  it("has exactly one background and one text colour, dark when pressed and light otherwise", () => {
    expect(utilities(locationButtonClass(true), "bg-")).toEqual(["bg-slate-900"]);
    expect(utilities(locationButtonClass(true), "text-")).toEqual(["text-white"]);
    expect(utilities(locationButtonClass(false), "bg-")).toEqual(["bg-white"]);
    expect(utilities(locationButtonClass(false), "text-")).toEqual(["text-slate-800"]);
  });
});

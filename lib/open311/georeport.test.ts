import { describe, expect, it } from "vitest";
import { isoBeijing, parseIsoParam, toXml } from "./georeport";

describe("GeoReport encodings", () => {
  it("writes instants as ISO 8601 with the +08:00 offset", () => {
    expect(isoBeijing(new Date("2026-11-20T01:30:00Z"))).toBe("2026-11-20T09:30:00+08:00");
    expect(isoBeijing(null)).toBeNull();
  });

  it.each([
    ["2026-11-20T09:30:00+08:00", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20T01:30:00Z", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20T09:30:00+0800", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20T09:30", "2026-11-20T01:30:00.000Z"],
    ["2026-11-20", "2026-11-19T16:00:00.000Z"],
  ])("reads %s", (text, iso) => expect(parseIsoParam(text)?.toISOString()).toBe(iso));

  it.each(["yesterday", "2026/11/20", "2026-13-01", ""])("refuses %j", (text) => expect(parseIsoParam(text)).toBeNull());

  it("writes the spec's XML with escaped text and empty elements for nulls", () => {
    expect(
      toXml("service_requests", "request", [{ service_request_id: "SJ1", description: 'a < b & "c"', media_url: null }]),
    ).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>SJ1</service_request_id><description>a &lt; b &amp; &quot;c&quot;</description><media_url/></request></service_requests>',
    );
  });
});

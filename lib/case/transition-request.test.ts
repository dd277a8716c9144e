import { describe, expect, it } from "vitest";
import { TransitionCaseSchema } from "./schemas";
import { buildTransitionRequest } from "./transition-request";

const requestId = "0b7f3a52-8a4e-4c1e-9d7a-2f1c3e4d5a6b";

describe("buildTransitionRequest", () => {
  it("posts the action, the version read, the form's request id and the trimmed note", () => {
    const r = buildTransitionRequest({ caseId: 42, action: "file", version: 3, requestId, fields: { note: "  核实属实 " } });
    expect(r.url).toBe("/api/cases/42/transitions");
    expect(r.body).toEqual({ action: "file", expectedVersion: 3, requestId, note: "核实属实" });
    expect(r.init).toEqual({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "file", expectedVersion: 3, requestId, note: "核实属实" }),
    });
  });

  it("sends only the fields the action asks for, empty choices as null", () => {
    const fields = {
      note: "",
      returnReason: "",
      satisfaction: "satisfied",
      resolution: "unresolved",
      stars: "4",
      routing: { leadUnitId: 5, coUnitIds: [6] },
    };
    const body = (action: Parameters<typeof buildTransitionRequest>[0]["action"]) =>
      buildTransitionRequest({ caseId: 1, action, version: 1, requestId, fields }).body;
    expect(body("return")).toEqual({ action: "return", expectedVersion: 1, requestId, note: null, returnReason: null });
    expect(body("evaluate")).toEqual({
      action: "evaluate",
      expectedVersion: 1,
      requestId,
      note: null,
      satisfaction: "satisfied",
      resolution: "unresolved",
    });
    expect(body("rate_discovery")).toEqual({
      action: "rate_discovery",
      expectedVersion: 1,
      requestId,
      note: null,
      discoveryStars: 4,
    });
    expect(body("dispatch")).toEqual({
      action: "dispatch",
      expectedVersion: 1,
      requestId,
      note: null,
      leadUnitId: 5,
      coUnitIds: [6],
    });
    expect(body("acknowledge")).toEqual({ action: "acknowledge", expectedVersion: 1, requestId, note: null });
  });

  it("leaves the routing to the server when the form has none, and carries uploaded photos", () => {
    const r = buildTransitionRequest({
      caseId: 9,
      action: "dispatch",
      version: 2,
      requestId,
      fields: { note: "", routing: null, photoIds: [11, 12] },
    });
    expect(r.body).toEqual({ action: "dispatch", expectedVersion: 2, requestId, note: null, photoIds: [11, 12] });
  });

  it("is a body the route's schema accepts", () => {
    const { body } = buildTransitionRequest({
      caseId: 7,
      action: "return",
      version: 4,
      requestId,
      fields: { note: "不属于本单位职责", returnReason: "function_mismatch" },
    });
    expect(TransitionCaseSchema.parse({ ...body, caseId: "7" })).toEqual({ ...body, caseId: 7, photoIds: [] });
  });
});

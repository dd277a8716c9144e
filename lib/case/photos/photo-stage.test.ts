import { describe, expect, it } from "vitest";
import { beforeAndAfter, photoStageOf } from "./photo-stage";

describe("photoStageOf", () => {
  it("names a photo by the step that attached it", () => {
    expect(["report", "handle", "report_back", "co_report_back", "start_verification", "reopen", null].map(photoStageOf)).toEqual(
      ["report", "handle", "report_back", "other", "other", "other", "other"],
    );
  });
});

describe("beforeAndAfter", () => {
  it("puts the report's and the disposal's photos before, the report-back's after, and leaves the rest out", () => {
    const photos = [
      { id: 1, stage: "report" as const },
      { id: 2, stage: "handle" as const },
      { id: 3, stage: "report_back" as const },
      { id: 4, stage: "other" as const },
      { id: 5, stage: "report_back" as const },
    ];
    expect(beforeAndAfter(photos)).toEqual({
      before: [
        { id: 1, stage: "report" },
        { id: 2, stage: "handle" },
      ],
      after: [
        { id: 3, stage: "report_back" },
        { id: 5, stage: "report_back" },
      ],
    });
  });
});

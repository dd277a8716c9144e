/**
 * The stage of a case photo, named by the step of the loop that attached it (its timeline row keeps the
 * photo ids, so the tag is never stored twice): 上报 (report) shows the problem as found; photos sent with
 * 处置 (handle) show the spot as the handler found it on arrival, "before"; photos sent with 反馈
 * (report_back) show the result, "after". Anything else (协办反馈, 核查, 返工 …) is "other". At 核查 the
 * verifier compares before (report + handle) with after (report_back).
 */
export const PHOTO_STAGES = ["report", "handle", "report_back", "other"] as const;
export type PhotoStage = (typeof PHOTO_STAGES)[number];

/** The step actions whose forms ask for photos of a stage (the console's and the phone's). */
export const PHOTO_STEP_STAGES: Partial<Record<string, PhotoStage>> = { handle: "handle", report_back: "report_back" };

export function photoStageOf(action: string | null): PhotoStage {
  if (action === "report" || action === "handle" || action === "report_back") return action;
  return "other";
}

export type StagedPhoto = { id: number; stage: PhotoStage };

/** Before | after for the side-by-side view at 核查; "other" photos stay out of the comparison. */
export function beforeAndAfter(photos: readonly StagedPhoto[]): { before: StagedPhoto[]; after: StagedPhoto[] } {
  return {
    before: photos.filter((p) => p.stage === "report" || p.stage === "handle"),
    after: photos.filter((p) => p.stage === "report_back"),
  };
}

import type { CaseSummaryDto } from "@/lib/case/case-dto";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { reportPayload, type ReportDraft } from "./report-draft";

/**
 * Sends a draft: uploads the photos not uploaded yet (each id is handed back at once, so the caller can keep it
 * in the stored draft and a retry skips that photo), then posts the report with the draft's clientRequestId.
 * Whatever fails, nothing is lost: the caller clears the draft only on "sent". `fetch` is injected, so the
 * retry behaviour is tested without a browser.
 */

export type SendOutcome =
  | { kind: "sent"; caseId: number; number: string; replayed: boolean; duplicates: CaseSummaryDto[] }
  /** No network (or it dropped mid-way): keep the draft, send when back online. */
  | { kind: "offline" }
  /** The server refused the content: the user must change something (the message says what). */
  | { kind: "refused"; message: string; fields: Record<string, string>; signedOut: boolean }
  /** The server failed: try again later. */
  | { kind: "failed"; message: string };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export type SendDeps = {
  fetch: Fetch;
  /** navigator.onLine: false means do not even try. */
  online: boolean;
  /** A photo got its server id (store it in the draft now). */
  onPhotoUploaded: (localId: string, id: number) => void | Promise<void>;
  onProgress?: (step: { kind: "photos"; done: number; total: number } | { kind: "report" }) => void;
};

type ErrorBody = { error?: { message?: string; details?: Record<string, string> } };

async function refusalOf(response: Response): Promise<SendOutcome> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  if (response.status === 401) return { kind: "refused", message: caseIntake.draft.signedOut, fields: {}, signedOut: true };
  if (response.status >= 500) return { kind: "failed", message: caseIntake.draft.serverFailed };
  return {
    kind: "refused",
    message: body?.error?.message ?? caseIntake.draft.serverFailed,
    fields: body?.error?.details ?? {},
    signedOut: false,
  };
}

export async function sendReport(
  draft: ReportDraft,
  category: { riskAssessed: boolean } | null,
  deps: SendDeps,
): Promise<SendOutcome> {
  if (!deps.online) return { kind: "offline" };
  const photoIds: number[] = [];
  const pending = draft.photos.filter((p) => p.uploadedId === null).length;
  let done = 0;
  for (const photo of draft.photos) {
    if (photo.uploadedId !== null) {
      photoIds.push(photo.uploadedId);
      continue;
    }
    deps.onProgress?.({ kind: "photos", done, total: pending });
    const form = new FormData();
    form.append("file", photo.blob, `${photo.localId}.jpg`);
    let response: Response;
    try {
      response = await deps.fetch("/api/case-photos", { method: "POST", body: form });
    } catch {
      return { kind: "offline" };
    }
    if (response.status !== 201 && response.status !== 200) return refusalOf(response);
    // a body cut off mid-way is a network failure like any other: the retry asks again
    const uploaded = (await response.json().catch(() => null)) as { id: number } | null;
    if (!uploaded) return { kind: "offline" };
    const { id } = uploaded;
    await deps.onPhotoUploaded(photo.localId, id);
    photoIds.push(id);
    done += 1;
  }
  deps.onProgress?.({ kind: "report" });
  let response: Response;
  try {
    response = await deps.fetch("/api/cases", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(reportPayload(draft, photoIds, category)),
    });
  } catch {
    return { kind: "offline" };
  }
  if (response.status !== 201 && response.status !== 200) return refusalOf(response);
  const body = (await response.json().catch(() => null)) as {
    caseId: number;
    number: string;
    replayed: boolean;
    duplicates?: CaseSummaryDto[];
  } | null;
  if (!body) return { kind: "offline" };
  return { kind: "sent", caseId: body.caseId, number: body.number, replayed: body.replayed, duplicates: body.duplicates ?? [] };
}

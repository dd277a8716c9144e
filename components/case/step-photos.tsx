"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { MAX_PHOTOS as PHOTOS_PER_CASE } from "../mobile/report-draft";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { casePhotoStages } from "@/lib/i18n/zh-CN/case-inbox";
import { resizePhoto } from "../mobile/resize-image";

type Uploaded = { id: number; url: string };

const text = casePhotoStages;

/**
 * Photos for one step of the console's action form (处置前 at 处置, 处置后 at 反馈). Each picked file is
 * shrunk in the browser (1600 px JPEG, EXIF dropped: resize-image.ts) and uploaded at once to
 * /api/case-photos, which checks type and size and answers a Chinese reason when it refuses; the step then
 * names the uploaded ids. The picker is a real button in front of a hidden file input, so the keyboard reaches it.
 */
export function StepPhotos({
  label,
  onChange,
  onBusy,
}: {
  label: string;
  onChange: (ids: number[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const urls = useMemo(() => photos.map((p) => p.url), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);

  const update = (next: Uploaded[]) => {
    setPhotos(next);
    onChange(next.map((p) => p.id));
  };

  async function add(files: File[]) {
    setProblem(null);
    setBusy(true);
    onBusy(true);
    const next = [...photos];
    try {
      for (const file of files.slice(0, PHOTOS_PER_CASE - photos.length)) {
        let blob: Blob;
        try {
          blob = (await resizePhoto(file)).blob;
        } catch {
          setProblem(caseIntake.form.photoUnreadable);
          continue;
        }
        const form = new FormData();
        form.append("file", blob, "photo.jpg");
        try {
          const response = await fetch("/api/case-photos", { method: "POST", body: form });
          const body = (await response.json().catch(() => null)) as { id?: number; error?: { message?: string } } | null;
          if (!response.ok || !body?.id) {
            setProblem(body?.error?.message ?? text.uploadFailed);
            continue;
          }
          next.push({ id: body.id, url: URL.createObjectURL(blob) });
        } catch {
          setProblem(text.uploadFailed);
        }
      }
      if (files.length > PHOTOS_PER_CASE - photos.length) setProblem(caseIntake.form.photoTooMany(PHOTOS_PER_CASE));
      update(next);
    } finally {
      setBusy(false);
      onBusy(false);
    }
  }

  return (
    <fieldset className="text-sm text-slate-700" data-testid="step-photos">
      <legend>{label}</legend>
      {photos.length > 0 && (
        <ul className="mt-1 flex flex-wrap gap-2" data-testid="step-photo-list">
          {photos.map((p, i) => (
            <li key={p.id} className="relative" data-testid="step-photo" data-photo-id={p.id}>
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: URL, nothing to optimise */}
              <img src={p.url} alt={text.alt(label, i + 1)} className="h-16 w-16 rounded object-cover ring-1 ring-slate-200" />
              <button
                type="button"
                onClick={() => update(photos.filter((x) => x.id !== p.id))}
                aria-label={text.remove(i + 1)}
                className="absolute -right-1 -top-1 grid h-5 w-5 place-items-center rounded-full bg-slate-800 text-xs leading-none text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => input.current?.click()}
        disabled={busy || photos.length >= PHOTOS_PER_CASE}
        className="mt-1 rounded-md bg-white px-3 py-1.5 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 disabled:opacity-50"
        data-testid="step-photo-add"
      >
        {text.add}
      </button>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        multiple
        className="hidden"
        data-testid="step-photo-input"
        onChange={(e) => {
          const files = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = "";
          if (files.length) void add(files);
        }}
      />
      {busy && (
        <p className="mt-1 text-xs text-slate-500" role="status">
          {text.uploading}
        </p>
      )}
      {problem && (
        <p className="mt-1 text-xs text-red-700" role="alert" data-testid="step-photo-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

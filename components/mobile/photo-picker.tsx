"use client";

import { useEffect, useMemo, useRef } from "react";
import { caseIntake } from "@/lib/i18n/zh-CN/case-intake";
import { MAX_PHOTOS, type DraftPhoto } from "./report-draft";

type Props = {
  photos: DraftPhoto[];
  /** Files picked or taken; the form resizes them. */
  onAdd: (files: File[]) => void;
  onRemove: (localId: string) => void;
  busy: boolean;
  /** While the report is being sent: the photos are on their way. */
  disabled?: boolean;
  problem: string | null;
};

/**
 * Up to 9 photos: pick from the gallery (several at once) or take one with the camera; thumbnails of the
 * resized JPEGs with a remove button each. The file inputs are hidden behind real buttons, so the keyboard
 * reaches them and the labels are large enough for a thumb.
 */
export function PhotoPicker({ photos, onAdd, onRemove, busy, disabled = false, problem }: Props) {
  const pickRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => new Map(photos.map((p) => [p.localId, URL.createObjectURL(p.blob)])), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const full = photos.length >= MAX_PHOTOS;

  const take = (input: HTMLInputElement | null) => {
    if (!input?.files?.length) return;
    onAdd([...input.files]);
    // the same file may be picked again after removing it
    input.value = "";
  };

  return (
    <div data-testid="photo-picker">
      {photos.length > 0 && (
        <ul className="mb-3 grid grid-cols-3 gap-2" data-testid="photo-list">
          {photos.map((p, i) => (
            <li
              key={p.localId}
              className="relative aspect-square overflow-hidden rounded-lg bg-slate-200"
              data-testid="photo-item"
              data-uploaded={p.uploadedId !== null ? "true" : "false"}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- a local blob: URL, nothing for next/image to optimise */}
              <img src={urls.get(p.localId)} alt={caseIntake.photos.alt(i + 1)} className="h-full w-full object-cover" />
              <button
                type="button"
                onClick={() => onRemove(p.localId)}
                disabled={disabled}
                aria-label={`${caseIntake.form.removePhoto} ${i + 1}`}
                data-testid="photo-remove"
                className="absolute right-1 top-1 grid h-9 w-9 place-items-center rounded-full bg-slate-900/70 text-lg leading-none text-white focus:outline-none focus-visible:ring-2 focus-visible:ring-white"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex gap-2">
        <button
          type="button"
          disabled={full || busy || disabled}
          onClick={() => cameraRef.current?.click()}
          className={buttonClass}
          data-testid="photo-camera"
        >
          {caseIntake.form.takePhoto}
        </button>
        <button
          type="button"
          disabled={full || busy || disabled}
          onClick={() => pickRef.current?.click()}
          className={buttonClass}
          data-testid="photo-add"
        >
          {caseIntake.form.addPhoto}
        </button>
      </div>
      <input
        ref={cameraRef}
        type="file"
        accept="image/*"
        capture="environment"
        className="hidden"
        onChange={(e) => take(e.currentTarget)}
        data-testid="photo-camera-input"
      />
      <input
        ref={pickRef}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/*"
        multiple
        className="hidden"
        onChange={(e) => take(e.currentTarget)}
        data-testid="photo-input"
      />
      {busy && (
        <p className="mt-2 text-sm text-slate-500" role="status">
          {caseIntake.form.photoProcessing}
        </p>
      )}
      {problem && (
        <p className="mt-2 text-sm text-red-700" role="alert" data-testid="photo-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

const buttonClass =
  "min-h-12 flex-1 rounded-xl bg-white px-3 text-base font-medium text-slate-800 ring-1 ring-slate-300 active:bg-slate-100 disabled:opacity-40 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500";

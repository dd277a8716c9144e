"use client";

import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { t } from "@/lib/i18n";

const text = t.org.staff;

/** 上传照片: posts one file; the server judges it by its bytes and answers in Chinese when it refuses. */
export function StaffPhotoUpload({ staffId }: { staffId: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setBusy(true);
    setMessage(null);
    const form = new FormData();
    form.append("file", file);
    try {
      const response = await fetch(`/api/staff/${staffId}/photo`, { method: "POST", body: form });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) setMessage({ ok: false, text: body?.error?.message ?? t.errors.INTERNAL });
      else {
        setMessage({ ok: true, text: text.photoSaved });
        router.refresh();
      }
    } catch {
      setMessage({ ok: false, text: t.errors.UNAVAILABLE });
    } finally {
      setBusy(false);
      event.target.value = "";
    }
  };
  return (
    <div className="mt-2 flex items-center gap-3 text-xs text-slate-500">
      <label className="cursor-pointer rounded px-2 py-1 text-sky-700 ring-1 ring-sky-200 hover:bg-sky-50">
        {text.uploadPhoto}
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          className="sr-only"
          onChange={onChange}
          disabled={busy}
          data-testid="staff-photo-input"
        />
      </label>
      <span>{text.photoHint}</span>
      {message && (
        <span role="status" className={message.ok ? "text-emerald-700" : "text-red-700"} data-testid="staff-photo-message">
          {message.text}
        </span>
      )}
    </div>
  );
}

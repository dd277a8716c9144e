"use client";

import { useEffect, useState } from "react";
import type { AttendancePointMemberDto } from "@/lib/attendance/points/point-dto";
import { t } from "@/lib/i18n";
import { fetchJson } from "../ui/fetch-json";
import { inputClass } from "../ui/field";

const text = t.attendancePoints.editor;

/** Whom a fence serves: chips of people and departments, and a search that adds more (the caller's area only). */
export function MemberPicker({
  members,
  onChange,
}: {
  members: AttendancePointMemberDto[];
  onChange: (next: AttendancePointMemberDto[]) => void;
}) {
  const [q, setQ] = useState("");
  const [hits, setHits] = useState<AttendancePointMemberDto[]>([]);
  const key = (m: AttendancePointMemberDto) => `${m.kind}:${m.id}`;
  const chosen = new Set(members.map(key));

  useEffect(() => {
    const query = q.trim();
    if (!query) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetchJson<AttendancePointMemberDto[]>(`/api/attendance/points/members?q=${encodeURIComponent(query)}`, controller.signal)
        .then(setHits)
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);

  return (
    <div>
      <label htmlFor="point-member-search" className="block text-sm font-medium text-slate-700">
        {text.members}
      </label>
      <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="point-members">
        {members.length === 0 && <li className="text-xs text-slate-500">{text.membersEmpty}</li>}
        {members.map((m) => (
          <li
            key={key(m)}
            className="flex items-center gap-1 rounded-full bg-sky-50 py-0.5 pr-1 pl-2.5 text-xs text-sky-800 ring-1 ring-sky-200"
          >
            <span className="text-sky-500">{text.memberKinds[m.kind]}</span>
            {m.name}
            <button
              type="button"
              className="grid h-4 w-4 place-items-center rounded-full hover:bg-sky-200"
              aria-label={text.removeMember(m.name)}
              onClick={() => onChange(members.filter((x) => key(x) !== key(m)))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id="point-member-search"
        className={`${inputClass} mt-2`}
        value={q}
        placeholder={text.membersHint}
        onChange={(e) => setQ(e.target.value)}
        data-testid="point-member-search"
      />
      {q.trim() !== "" && hits.length > 0 && (
        <ul
          className="mt-1 max-h-56 overflow-y-auto rounded-lg bg-white text-sm shadow ring-1 ring-slate-200"
          data-testid="point-member-hits"
        >
          {hits
            .filter((h) => !chosen.has(key(h)))
            .map((h) => (
              <li key={key(h)}>
                <button
                  type="button"
                  className="flex w-full items-baseline gap-2 px-3 py-1.5 text-left hover:bg-sky-50"
                  onClick={() => {
                    onChange([...members, h]);
                    setQ("");
                  }}
                >
                  <span className="text-xs text-slate-400">{text.memberKinds[h.kind]}</span>
                  <span className="text-slate-800">{h.name}</span>
                  {h.detail && <span className="truncate text-xs text-slate-500">{h.detail}</span>}
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}

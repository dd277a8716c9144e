"use client";

import { useId, useState } from "react";
import { usePlaceSearch } from "@/components/search/use-place-search";
import type { RegionOption } from "@/lib/account/dto";
import { t } from "@/lib/i18n";

const text = t.account.regionPicker;

/** How a chosen region reads in the input: "西马庄社区（社区）". */
export function regionLabel(region: Pick<RegionOption, "name" | "levelName">): string {
  return `${region.name}（${region.levelName}）`;
}

const regionOptions = (json: unknown) => (json as { regions: RegionOption[] }).regions;

/**
 * Type-ahead region picker (ARIA combobox): typing asks /api/accounts/region-options for regions of
 * the administrator's area at the role's level; ↑/↓ move, Enter picks, Escape closes the list.
 */
export function RegionPicker({
  value,
  onChange,
  role,
  label,
  testId,
}: {
  value: RegionOption | null;
  onChange: (region: RegionOption | null) => void;
  role: string;
  label: string;
  testId: string;
}) {
  const listId = useId();
  const [query, setQuery] = useState(value ? regionLabel(value) : "");
  const [open, setOpen] = useState(false);
  const [shownRole, setShownRole] = useState(role);

  // A different role may need another level: the editor drops a choice that no longer fits, and the
  // text goes with it (adjusted while rendering, not in an effect); the old options are another
  // request's answer, so they are no longer shown.
  if (shownRole !== role) {
    setShownRole(role);
    if (!value) setQuery("");
  }

  // the chosen region's own label asks for everything at the role's level, not for that text
  const q = value && query === regionLabel(value) ? "" : query.trim();
  const {
    state,
    hits: options,
    active,
    setActive,
    onListKey,
  } = usePlaceSearch(
    open ? `/api/accounts/region-options?q=${encodeURIComponent(q)}&role=${encodeURIComponent(role)}` : null,
    regionOptions,
  );

  const pick = (region: RegionOption) => {
    onChange(region);
    setQuery(regionLabel(region));
    setOpen(false);
  };

  return (
    <div className="relative">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && options[active] ? `${listId}-${options[active].id}` : undefined}
        value={query}
        placeholder={text.placeholder}
        autoComplete="off"
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          if (value) onChange(null);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setOpen(true);
          if (e.key === "Enter" && !open) return;
          if (onListKey(e, pick)) return;
          if (e.key === "Escape" && open) {
            // Close the list only; a second Escape reaches the dialog around the picker.
            e.preventDefault();
            e.stopPropagation();
            setOpen(false);
          }
        }}
        className={`block w-full rounded-lg border px-3 py-2 text-sm shadow-sm focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 ${value ? "border-sky-300 bg-sky-50" : "border-slate-300"}`}
        data-testid={testId}
      />
      {open && (
        <ul
          id={listId}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200"
          data-testid={`${testId}-options`}
        >
          {state.status === "loading" && <li className="px-3 py-2 text-slate-500">{text.searching}</li>}
          {state.status === "error" && (
            <li role="alert" className="px-3 py-2 text-rose-700">
              {state.message}
            </li>
          )}
          {state.status === "ready" && options.length === 0 && <li className="px-3 py-2 text-slate-500">{text.noMatch}</li>}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${listId}-${o.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1.5 ${i === active ? "bg-sky-50 text-sky-900" : ""}`}
              data-testid="region-option"
            >
              <span>
                {o.name} <span className="text-xs text-slate-500">{o.levelName}</span>
              </span>
              <span className="truncate text-xs text-slate-400">
                {o.parentName ? `${o.parentName} · ` : ""}
                <span className="font-mono">{o.code}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

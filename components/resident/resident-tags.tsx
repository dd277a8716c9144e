import { t } from "@/lib/i18n";

/** A resident's flags as chips: 重点人员 first (red), then the special-group tags (violet). */
export function ResidentTags({ keyPerson, tags }: { keyPerson: boolean; tags: readonly string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {keyPerson && (
        <span className="rounded bg-red-50 px-1.5 py-0.5 text-[11px] whitespace-nowrap text-red-700 ring-1 ring-red-200">
          {t.building.keyPersonTag}
        </span>
      )}
      {tags.map((tag) => (
        <span
          key={tag}
          className="rounded bg-violet-50 px-1.5 py-0.5 text-[11px] whitespace-nowrap text-violet-700 ring-1 ring-violet-200"
        >
          {tag}
        </span>
      ))}
    </span>
  );
}

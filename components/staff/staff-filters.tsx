import Link from "next/link";
import type { StaffOptionsDto } from "@/lib/org/dto";
import type { StaffFilterParams } from "@/lib/org/staff-filter-params";
import { t } from "@/lib/i18n";

const text = t.org.staff.filters;
const selectClass =
  "mt-1 block w-full rounded-md border-0 bg-white px-2 py-1.5 text-sm text-slate-900 ring-1 ring-slate-300 focus:ring-2 focus:ring-sky-500";

/** The staff list's filters: a plain GET form, so the filters live in the URL (bookmarks, back button, export). */
export function StaffFilters({ values, options }: { values: StaffFilterParams; options: StaffOptionsDto }) {
  return (
    <form
      method="get"
      action="/staff"
      className="grid grid-cols-6 items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200"
      data-testid="staff-filters"
    >
      <label className="col-span-2 text-xs text-slate-600">
        {text.department}
        <select name="department" defaultValue={values.department ?? ""} className={selectClass} data-testid="filter-department">
          <option value="">{text.anyDepartment}</option>
          {options.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {"\u3000".repeat(d.depth)}
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {text.position}
        <select name="position" defaultValue={values.position ?? ""} className={selectClass} data-testid="filter-position">
          <option value="">{text.anyPosition}</option>
          {options.positions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {text.rank}
        <select name="rank" defaultValue={values.rank ?? ""} className={selectClass} data-testid="filter-rank">
          <option value="">{text.anyRank}</option>
          {options.ranks.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {text.gridRole}
        <select name="gridRole" defaultValue={values.gridRole ?? ""} className={selectClass} data-testid="filter-grid-role">
          <option value="">{text.anyGridRole}</option>
          {Object.entries(t.org.gridRoles).map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {text.status}
        <select name="status" defaultValue={values.status ?? "in_service"} className={selectClass} data-testid="filter-status">
          {Object.entries(t.org.status).map(([key, name]) => (
            <option key={key} value={key}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="col-span-3 text-xs text-slate-600">
        {text.q}
        <input
          type="search"
          name="q"
          maxLength={50}
          defaultValue={values.q ?? ""}
          placeholder={text.qPlaceholder}
          className={selectClass}
          data-testid="filter-q"
        />
      </label>
      <div className="col-span-3 flex gap-2">
        <button
          type="submit"
          className="rounded-md bg-sky-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-sky-700"
          data-testid="filter-apply"
        >
          {text.apply}
        </button>
        <Link
          href="/staff"
          className="rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50"
          data-testid="filter-reset"
        >
          {text.reset}
        </Link>
      </div>
    </form>
  );
}

import Link from "next/link";
import type { StaffSummaryDto } from "@/lib/org/dto";
import { t } from "@/lib/i18n";

const f = t.org.staff.fields;
const text = t.org.staff;

/** The staff list's rows: masked personal data only; a name opens the (logged) record, never prefetched. */
export function StaffTable({ staff }: { staff: StaffSummaryDto[] }) {
  const headers = [f.staffNo, f.name, f.gender, f.department, f.position, f.rank, f.gridRoles, f.hireDate, f.phone, f.status];
  return (
    <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <table className="w-full text-left text-sm" data-testid="staff-table">
        <thead className="text-xs text-slate-400">
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" className="px-4 py-2 font-medium whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {staff.map((s) => (
            <tr key={s.id} data-testid="staff-row" className="hover:bg-slate-50">
              <td className="px-4 py-2 font-mono text-xs whitespace-nowrap text-slate-600">{s.staffNo}</td>
              <td className="px-4 py-2 font-medium whitespace-nowrap">
                <Link href={`/staff/${s.id}`} prefetch={false} className="text-sky-700 hover:underline" data-testid="staff-link">
                  {s.name}
                </Link>
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{s.genderName}</td>
              <td className="px-4 py-2">{s.departmentName}</td>
              <td className="px-4 py-2 whitespace-nowrap">{s.positionName}</td>
              <td className="px-4 py-2 whitespace-nowrap">{s.rankName}</td>
              <td className="px-4 py-2 text-xs">
                {s.posts.length === 0 ? (
                  <span className="text-slate-400">{text.none}</span>
                ) : (
                  s.posts.map((p) => `${p.roleName}·${p.regionName}`).join("、")
                )}
              </td>
              <td className="px-4 py-2 tabular-nums whitespace-nowrap">{s.hireDate}</td>
              <td className="px-4 py-2 font-mono text-xs whitespace-nowrap text-slate-700">{s.phoneMasked ?? text.none}</td>
              <td className="px-4 py-2 whitespace-nowrap">
                {s.inService ? (
                  <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-700 ring-1 ring-emerald-200">
                    {text.inService}
                  </span>
                ) : (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 ring-1 ring-slate-200">
                    {text.left}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StaffTableSkeleton() {
  return (
    <div
      className="rounded-xl bg-white px-5 py-8 text-center text-sm text-slate-500 shadow-sm ring-1 ring-slate-200"
      role="status"
      data-testid="staff-loading"
    >
      {text.loading}
    </div>
  );
}

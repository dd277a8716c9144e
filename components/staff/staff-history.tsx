import type { GridPostDto, StaffJobDto } from "@/lib/org/dto";
import { t } from "@/lib/i18n";

const text = t.org.staff;
const f = text.fields;

/** 任职履历: the effective-dated department, position and rank rows, newest first. */
export function StaffJobsTable({ jobs }: { jobs: StaffJobDto[] }) {
  if (jobs.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{text.noJobs}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="staff-jobs">
      <thead className="text-xs text-slate-400">
        <tr>
          {[f.effectiveDate, f.department, f.position, f.rank, f.changeReason, f.note].map((h) => (
            <th key={h} scope="col" className="px-5 py-2 font-medium whitespace-nowrap">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {jobs.map((j) => (
          <tr key={j.id} data-testid="staff-job-row">
            <td className="px-5 py-2 tabular-nums whitespace-nowrap">
              {j.validFrom} – {j.validTo ?? text.inForce}
            </td>
            <td className="px-5 py-2">{j.departmentName}</td>
            <td className="px-5 py-2 whitespace-nowrap">{j.positionName}</td>
            <td className="px-5 py-2 whitespace-nowrap">{j.rankName}</td>
            <td className="px-5 py-2 whitespace-nowrap">{j.reasonName}</td>
            <td className="px-5 py-2 text-slate-600">{j.note ?? ""}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** 网格职务: the person's grid posts, those in force marked. */
export function StaffPostsTable({ posts }: { posts: GridPostDto[] }) {
  if (posts.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{text.noPosts}</p>;
  return (
    <table className="w-full text-left text-sm" data-testid="staff-posts">
      <thead className="text-xs text-slate-400">
        <tr>
          {[t.org.posts.region, t.org.posts.role, t.org.posts.validFrom, t.org.posts.validTo].map((h) => (
            <th key={h} scope="col" className="px-5 py-2 font-medium whitespace-nowrap">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {posts.map((p) => (
          <tr key={p.id} data-testid="staff-post-row" className={p.inForce ? "" : "text-slate-400"}>
            <td className="px-5 py-2">
              {p.regionName} <span className="font-mono text-xs text-slate-400">{p.regionCode}</span>
            </td>
            <td className="px-5 py-2 whitespace-nowrap">{p.roleName}</td>
            <td className="px-5 py-2 tabular-nums">{p.validFrom}</td>
            <td className="px-5 py-2 tabular-nums">{p.validTo ?? text.inForce}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

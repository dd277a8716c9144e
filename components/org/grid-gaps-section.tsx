import Link from "next/link";
import type { GridGapsDto } from "@/lib/org/dto";
import { t } from "@/lib/i18n";

const text = t.org.gaps;

/** 网格空缺: basic grids without a 专职网格员 today, then those whose post ends soon with nobody following. */
export function GridGapsSection({ gaps }: { gaps: GridGapsDto }) {
  return (
    <section className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200" data-testid="grid-gaps">
      <div className="border-b border-slate-100 px-5 py-3">
        <h2 className="text-sm font-semibold text-slate-800">
          {text.heading}
          <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs text-amber-800" data-testid="grid-gaps-count">
            {gaps.vacantCount}
          </span>
        </h2>
        <p className="mt-1 text-xs text-slate-500">{text.intro(gaps.horizonDays)}</p>
      </div>
      {gaps.gaps.length === 0 ? (
        <p className="px-5 py-4 text-sm text-emerald-700" data-testid="grid-gaps-none">
          {text.none}
        </p>
      ) : (
        <div className="max-h-96 overflow-auto">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-white text-xs text-slate-400">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium">
                  {text.grid}
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  {text.parent}
                </th>
                <th scope="col" className="px-5 py-2 font-medium">
                  {text.state}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {gaps.gaps.map((g) => (
                <tr key={`${g.kind}-${g.regionId}`} data-testid="grid-gap-row" data-kind={g.kind}>
                  <td className="px-5 py-2">
                    <span className="font-medium text-slate-900">{g.name}</span>{" "}
                    <span className="font-mono text-xs text-slate-400">{g.code}</span>
                  </td>
                  <td className="px-5 py-2 text-slate-600">{g.parentName ?? "—"}</td>
                  <td className="min-w-[16rem] px-5 py-2">
                    {g.kind === "vacant" ? (
                      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-700 ring-1 ring-red-200">
                        {text.vacant}
                      </span>
                    ) : (
                      <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-800 ring-1 ring-amber-200">
                        {text.ending}
                      </span>
                    )}{" "}
                    <span className="text-xs text-slate-600">
                      {g.kind === "vacant" ? (
                        text.since(g.vacantSince)
                      ) : (
                        <>
                          {g.staffId !== null ? (
                            <Link href={`/staff/${g.staffId}`} prefetch={false} className="text-sky-700 hover:underline">
                              {text.endsOn(g.staffName, g.endsOn)}
                            </Link>
                          ) : (
                            text.endsOn(g.staffName, g.endsOn)
                          )}
                        </>
                      )}
                      {" · "}
                      {text.next(g.nextStartsOn)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {gaps.gaps.length < gaps.vacantCount && (
            <p className="px-5 py-2 text-xs text-slate-500">{text.more(gaps.gaps.length, gaps.vacantCount)}</p>
          )}
        </div>
      )}
    </section>
  );
}

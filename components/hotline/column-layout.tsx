import { HOTLINE_COLUMNS } from "@/lib/hotline/columns";
import { hotline } from "@/lib/i18n/zh-CN/hotline";

const text = hotline.upload;
const cell = "border-b border-slate-100 px-3 py-1.5 text-left align-top";

/** The documented column layout (lib/hotline/columns.ts), so nobody has to guess what a file must hold. */
export function ColumnLayout() {
  return (
    <details className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200" data-testid="column-layout">
      <summary className="cursor-pointer font-semibold text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500">
        {text.layoutTitle}
      </summary>
      <table className="mt-3 w-full border-collapse text-sm">
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className={`${cell} font-medium`}>
              {text.columnHeader}
            </th>
            <th scope="col" className={`${cell} font-medium`}></th>
            <th scope="col" className={`${cell} font-medium`}>
              {text.noteHeader}
            </th>
            <th scope="col" className={`${cell} font-medium`}>
              {text.aliasesHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {HOTLINE_COLUMNS.map((c) => (
            <tr key={c.key}>
              <td className={`${cell} whitespace-nowrap font-medium text-slate-800`}>{c.header}</td>
              <td className={cell}>
                <span
                  className={`whitespace-nowrap rounded px-1.5 py-0.5 text-xs ${c.required ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-600"}`}
                >
                  {c.required ? text.required : text.optional}
                </span>
              </td>
              <td className={`${cell} text-slate-700`}>{c.note}</td>
              <td className={`${cell} text-slate-500`}>{c.aliases.join("、")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

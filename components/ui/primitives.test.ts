import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyState } from "./empty-state";
import { Field } from "./field";
import { Table } from "./table";

describe("UI primitives keep the markup the pages had", () => {
  it("a field shows its hint, or its error instead", () => {
    const input = h("input", { id: "name" });
    expect(renderToStaticMarkup(h(Field, { label: "姓名", htmlFor: "name", hint: "必填", children: input }))).toBe(
      '<div><label for="name" class="block text-xs font-medium text-slate-600">姓名</label><div class="mt-1"><input id="name"/></div><p class="mt-1 text-[11px] text-slate-400">必填</p></div>',
    );
    expect(
      renderToStaticMarkup(h(Field, { label: "姓名", htmlFor: "name", hint: "必填", error: "不能为空", children: input })),
    ).toBe(
      '<div><label for="name" class="block text-xs font-medium text-slate-600">姓名</label><div class="mt-1"><input id="name"/></div><p class="mt-1 text-xs text-red-700" role="alert">不能为空</p></div>',
    );
  });

  it("a plain table is the card, with the darker header row of the account list", () => {
    expect(
      renderToStaticMarkup(h(Table, { plain: true, className: "mt-4", columns: ["用户名"], testId: "t", children: null })),
    ).toBe(
      '<table class="mt-4 w-full border-collapse rounded-lg bg-white text-sm shadow-sm" data-testid="t"><thead class="bg-slate-100 text-slate-600"><tr><th scope="col" class="border-b border-slate-200 px-3 py-2 text-left align-top">用户名</th></tr></thead><tbody></tbody></table>',
    );
  });

  it("an empty state is a white card with the page's spacing", () => {
    expect(renderToStaticMarkup(h(EmptyState, { testId: "e", children: "暂无" }))).toBe(
      '<p class="rounded-xl bg-white mt-6 p-6 text-sm text-slate-500 shadow-sm ring-1 ring-slate-200" data-testid="e">暂无</p>',
    );
  });
});

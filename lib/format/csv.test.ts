import { describe, expect, it } from "vitest";
import { csvCell, csvRow, toCsv, UTF8_BOM } from "./csv";

describe("csvCell", () => {
  it("writes plain text and numbers as they are", () => {
    expect(csvCell("张三")).toBe("张三");
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(true)).toBe("true");
  });

  it("writes null, undefined and non-finite numbers as empty cells", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell("")).toBe("");
  });

  it("quotes cells holding a comma, a quote or a line break, doubling quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('他说"你好"')).toBe('"他说""你好"""');
    expect(csvCell("第一行\n第二行")).toBe('"第一行\n第二行"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("guards against formula injection with a leading apostrophe", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+8613800000000")).toBe("'+8613800000000");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=cmd")).toBe("'\t=cmd");
    // guarded and quoted at once: the apostrophe goes inside the quotes
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // only the first character matters
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("低保户、残疾人")).toBe("低保户、残疾人");
  });

  it("keeps long digit strings as text for spreadsheets, short ones as they are", () => {
    expect(csvCell("110112199003071232")).toBe('="110112199003071232"');
    expect(csvCell("110112001017004002")).toBe('="110112001017004002"');
    // an X at the end already makes it text; 15 digits fit a spreadsheet number
    expect(csvCell("11010519491231002X")).toBe("11010519491231002X");
    expect(csvCell("110112001017")).toBe("110112001017");
    expect(csvCell("13812341234")).toBe("13812341234");
    expect(csvCell("110112********1234")).toBe("110112********1234");
  });
});

describe("csvRow and toCsv", () => {
  it("joins cells with commas and ends rows with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("starts with a UTF-8 BOM, then the header, then the rows", () => {
    const csv = toCsv(
      ["姓名", "年龄"],
      [
        ["张三", 30],
        ["李四", null],
      ],
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe(`${UTF8_BOM}姓名,年龄\r\n张三,30\r\n李四,\r\n`);
  });

  it("writes only the header for no rows", () => {
    expect(toCsv(["a"], [])).toBe(`${UTF8_BOM}a\r\n`);
  });

  it("refuses a row whose width differs from the header", () => {
    expect(() => toCsv(["a", "b"], [["x"]])).toThrow(/1 cells, the header 2/);
  });

  it("round-trips through a strict RFC 4180 reader", () => {
    const rows = [
      ["a,b", '"q"', "x\ny", "=1"],
      ["", "普通", "-", "@"],
    ];
    const csv = toCsv(["c1", "c2", "c3", "c4"], rows);
    expect(parseCsv(csv.slice(1))).toEqual([
      ["c1", "c2", "c3", "c4"],
      ["a,b", '"q"', "x\ny", "'=1"],
      ["", "普通", "'-", "'@"],
    ]);
  });
});

/** A minimal RFC 4180 reader for the round-trip test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  return rows;
}

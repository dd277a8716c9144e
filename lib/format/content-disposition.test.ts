import { describe, expect, it } from "vitest";
import {
  attachmentDisposition,
  compactDate,
  encodeRfc5987,
  filenameFromDisposition,
  safeFileNamePart,
} from "./content-disposition";

describe("attachmentDisposition", () => {
  it("gives an ASCII fallback and a UTF-8 filename* for Chinese names", () => {
    expect(attachmentDisposition("居民名单-中仓社区-20261124.csv", "residents-110112001017-20261124.csv")).toBe(
      "attachment; filename=\"residents-110112001017-20261124.csv\"; filename*=UTF-8''%E5%B1%85%E6%B0%91%E5%90%8D%E5%8D%95-%E4%B8%AD%E4%BB%93%E7%A4%BE%E5%8C%BA-20261124.csv",
    );
  });

  it("encodes the characters RFC 5987 does not allow bare", () => {
    expect(encodeRfc5987("a b'(c)*.csv")).toBe("a%20b%27%28c%29%2A.csv");
    const decoded = decodeURIComponent(encodeRfc5987("名单 (1).csv"));
    expect(decoded).toBe("名单 (1).csv");
  });

  it("cannot be broken out of by the fallback name", () => {
    const header = attachmentDisposition("x.csv", 'a"; filename=evil\\/名.csv');
    expect(header).toBe("attachment; filename=\"a_; filename=evil___.csv\"; filename*=UTF-8''x.csv");
  });
});

describe("compactDate", () => {
  it("uses the China Standard Time calendar day", () => {
    expect(compactDate(new Date("2026-11-24T15:59:59Z"))).toBe("20261124");
    expect(compactDate(new Date("2026-11-24T16:00:00Z"))).toBe("20261125");
  });
});

describe("safeFileNamePart", () => {
  it("replaces path separators and characters file systems refuse", () => {
    expect(safeFileNamePart("中仓街道")).toBe("中仓街道");
    expect(safeFileNamePart('a/b\\c:d*e?f"g<h>i|j\n')).toBe("a_b_c_d_e_f_g_h_i_j_");
  });
});

describe("filenameFromDisposition", () => {
  it("reads back the UTF-8 name, else the plain one", () => {
    expect(filenameFromDisposition(attachmentDisposition("居民名单-中仓社区-20261124.csv", "residents.csv"))).toBe(
      "居民名单-中仓社区-20261124.csv",
    );
    expect(filenameFromDisposition('attachment; filename="a.csv"')).toBe("a.csv");
    expect(filenameFromDisposition("attachment; filename=b.csv")).toBe("b.csv");
    expect(filenameFromDisposition("attachment; filename=\"c.csv\"; filename*=UTF-8''%E0%A4%A")).toBe("c.csv");
    expect(filenameFromDisposition(null)).toBeNull();
    expect(filenameFromDisposition("inline")).toBeNull();
  });
});

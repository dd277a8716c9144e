import { describe, expect, it } from "vitest";
import { VIA_TRUSTED_PROXY_HEADER } from "@/lib/client-address";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/cases", { method: "POST", headers });

describe("assertSameOrigin and X-Forwarded-Host", () => {
  it("refuses a foreign Origin that a forged X-Forwarded-Host vouches for", () => {
    expect(() =>
      assertSameOrigin(post({ origin: "https://evil.example", host: "localhost:3000", "x-forwarded-host": "evil.example" })),
    ).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("believes X-Forwarded-Host from a trusted proxy (marked by the web server)", () => {
    expect(() =>
      assertSameOrigin(
        post({
          origin: "https://grid.example.gov.cn",
          host: "127.0.0.1:3000",
          "x-forwarded-host": "grid.example.gov.cn",
          [VIA_TRUSTED_PROXY_HEADER]: "1",
        }),
      ),
    ).not.toThrow();
  });

  it("compares with Host when no proxy is involved", () => {
    expect(() => assertSameOrigin(post({ origin: "http://localhost:3000", host: "localhost:3000" }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: "http://localhost:3000", host: "other:3000" }))).toThrow();
  });
});

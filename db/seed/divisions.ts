import fs from "node:fs";

/**
 * The administrative divisions file that names a district: columns `code,name,level,parent_code`
 * (any order, UTF-8, optional BOM), one district row (6-digit code), its streets/towns (9 digits) and
 * their communities/villages (12 digits), as published in the national statistical division codes.
 * Any file of this shape makes a district; the generator invents only the geometry and the population.
 */

export type StreetKind = "street" | "town" | "township";
export type CommunityKind = "urban" | "village";

export type Community = {
  code: string;
  /** Name without the committee suffix: "悟仙观社区居委会" → "悟仙观社区", "中辛庄村委会" → "中辛庄村". */
  name: string;
  fullName: string;
  kind: CommunityKind;
};

export type Street = { code: string; name: string; kind: StreetKind; communities: Community[] };

export type Divisions = { district: { code: string; name: string }; streets: Street[] };

export class DivisionsError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(
      `${source}: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the divisions file:\n  ${problems.slice(0, 20).join("\n  ")}${problems.length > 20 ? `\n  … and ${problems.length - 20} more` : ""}`,
    );
    this.name = "DivisionsError";
  }
}

const REQUIRED_COLUMNS = ["code", "name", "level", "parent_code"] as const;

/** Splits one CSV line (RFC 4180 quotes, doubled quotes inside). */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** A street code's last three digits: 001–099 街道, 100–199 镇, 200–399 乡 (statistical code rules). */
export function streetKind(code: string): StreetKind {
  const n = Number(code.slice(6, 9));
  return n < 100 ? "street" : n < 200 ? "town" : "township";
}

/** Short display name and kind of a community from its committee name. */
export function communityNameAndKind(fullName: string): { name: string; kind: CommunityKind } {
  const village = /(村民委员会|村委会)$/.exec(fullName);
  if (village) {
    const base = fullName.slice(0, village.index);
    return { name: base.endsWith("村") ? base : `${base}村`, kind: "village" };
  }
  const name = fullName.replace(/(居民委员会|居委会)$/, "") || fullName;
  const kind: CommunityKind = name.includes("社区") ? "urban" : name.endsWith("村") ? "village" : "urban";
  return { name, kind };
}

/** Parses and checks a divisions file's text; throws DivisionsError listing every problem with its line. */
export function parseDivisions(text: string, source = "divisions.csv"): Divisions {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: string[] = [];
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new DivisionsError(source, [
      `line 1: missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (the header must name code,name,level,parent_code)`,
    ]);
  }
  const col = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;

  type Row = { line: number; code: string; name: string; level: string; parent: string };
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    const f = splitCsvLine(lines[i]);
    const line = i + 1;
    if (f.length < header.length) {
      problems.push(`line ${line}: ${f.length} fields, the header has ${header.length}`);
      continue;
    }
    const row: Row = {
      line,
      code: f[col.code],
      name: f[col.name],
      level: f[col.level].toLowerCase(),
      parent: f[col.parent_code],
    };
    if (!row.name) problems.push(`line ${line}: empty name`);
    const digits = { district: 6, street: 9, community: 12 }[row.level];
    if (digits === undefined) {
      problems.push(`line ${line}: level "${row.level}" is not one of district, street, community`);
      continue;
    }
    if (!new RegExp(`^[0-9]{${digits}}$`).test(row.code)) {
      problems.push(`line ${line}: code "${row.code}" of a ${row.level} must have ${digits} digits`);
      continue;
    }
    const dup = seen.get(row.code);
    if (dup) {
      problems.push(`line ${line}: code ${row.code} already on line ${dup}`);
      continue;
    }
    seen.set(row.code, line);
    rows.push(row);
  }

  const districts = rows.filter((r) => r.level === "district");
  if (districts.length !== 1) {
    problems.push(
      districts.length === 0
        ? "no district row (level district, 6-digit code)"
        : `${districts.length} district rows (lines ${districts.map((d) => d.line).join(", ")}); a file describes one district`,
    );
  }
  const district = districts[0];
  const streets = new Map<string, Street>();
  for (const r of rows.filter((r) => r.level === "street")) {
    if (district && r.parent !== district.code) {
      problems.push(`line ${r.line}: street ${r.code} has parent ${r.parent || "(empty)"}, not the district ${district.code}`);
    } else if (district && !r.code.startsWith(district.code)) {
      problems.push(`line ${r.line}: street code ${r.code} does not extend the district code ${district.code}`);
    } else streets.set(r.code, { code: r.code, name: r.name, kind: streetKind(r.code), communities: [] });
  }
  for (const r of rows.filter((r) => r.level === "community")) {
    const street = streets.get(r.parent);
    if (!street) {
      problems.push(
        `line ${r.line}: community ${r.code} has parent ${r.parent || "(empty)"}, which is not a street in this file`,
      );
    } else if (!r.code.startsWith(r.parent)) {
      problems.push(`line ${r.line}: community code ${r.code} does not extend its street code ${r.parent}`);
    } else {
      street.communities.push({ code: r.code, fullName: r.name, ...communityNameAndKind(r.name) });
    }
  }
  if (district && streets.size === 0) problems.push("no street rows (level street, 9-digit codes under the district)");
  if (problems.length) {
    const lineOf = (p: string) => Number(/^line (\d+):/.exec(p)?.[1] ?? Infinity);
    throw new DivisionsError(
      source,
      problems
        .map((p, i) => ({ p, i }))
        .sort((a, b) => lineOf(a.p) - lineOf(b.p) || a.i - b.i)
        .map((x) => x.p),
    );
  }

  const sorted = [...streets.values()].sort((a, b) => a.code.localeCompare(b.code));
  for (const s of sorted) s.communities.sort((a, b) => a.code.localeCompare(b.code));
  return { district: { code: district.code, name: district.name }, streets: sorted };
}

/** Reads and parses a divisions file from disk. */
export function readDivisions(file: string): Divisions {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new DivisionsError(file, [`cannot read the file: ${(error as Error).message}`]);
  }
  return parseDivisions(text, file);
}

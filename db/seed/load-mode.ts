/**
 * Bulk-load mode for the district tables: secondary indexes, unique and foreign-key constraints are
 * dropped before COPY and rebuilt afterwards (a sorted index build and one validating join per key are
 * far cheaper than maintaining them row by row for millions of rows). Primary keys stay. The
 * definitions are read from the catalog, so columns or indexes added by later migrations come back too.
 */
import type { Sql } from "./regions";

type Saved = {
  constraints: { table: string; name: string; def: string; kind: string }[];
  indexes: { name: string; def: string }[];
};

export async function dropForLoad(sql: Sql, tables: string[]): Promise<Saved> {
  const constraints = await sql<{ table: string; name: string; def: string; kind: string }[]>`
    select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def, contype as kind
      from pg_constraint
     where conrelid = any(${tables}::regclass[]) and contype in ('f', 'u')
     order by contype, conrelid::regclass::text, conname`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i
     where i.indrelid = any(${tables}::regclass[]) and not i.indisprimary
       and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
     order by 1`;
  // Foreign keys first (unique constraints may back them), then unique constraints, then indexes.
  for (const c of constraints.filter((c) => c.kind === "f")) await sql.unsafe(`alter table ${c.table} drop constraint ${c.name}`);
  for (const c of constraints.filter((c) => c.kind === "u")) await sql.unsafe(`alter table ${c.table} drop constraint ${c.name}`);
  for (const i of indexes) await sql.unsafe(`drop index ${i.name}`);
  return { constraints: [...constraints], indexes: [...indexes] };
}

/** Rebuilds what `dropForLoad` removed: indexes two at a time (one per core), then keys. */
export async function restoreAfterLoad(sql: Sql, saved: Saved, parallel = 2) {
  const jobs = [
    ...saved.indexes.map((i) => i.def),
    ...saved.constraints.filter((c) => c.kind === "u").map((c) => `alter table ${c.table} add constraint ${c.name} ${c.def}`),
  ];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await sql.unsafe(jobs[next++]);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  for (const c of saved.constraints.filter((c) => c.kind === "f"))
    await sql.unsafe(`alter table ${c.table} add constraint ${c.name} ${c.def}`);
}

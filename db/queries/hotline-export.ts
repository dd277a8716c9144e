import { sql } from "kysely";
import { withinScope, type Scope } from "./scope";
import type { Database } from "../client";

export type ReplyRow = {
  order_no: string;
  received_at: Date;
  kind: string | null;
  order_status: "needs_location" | "imported";
  case_number: string | null;
  state: string | null;
  unit_name: string | null;
  reply: string | null;
  finished_at: Date | null;
  satisfaction: string | null;
};

/**
 * The replies to the hotline: every order of the area received in [from, to), with its case's state, the
 * unit that handled it, the latest note of a report back, close or cancel (the answer the hotline passes on
 * to the caller), when it was finished and the caller's satisfaction from the return visit. Runs inside the
 * caller's scoped transaction (cases have row-level security).
 */
export async function findReplyRows(
  db: Database,
  scope: Scope,
  args: { from: Date; to: Date; onlyFinished: boolean; limit: number },
): Promise<ReplyRow[]> {
  const { rows } = await sql<ReplyRow>`
    select o.order_no, o.received_at, o.fields->>'kind' as kind, o.status as order_status,
           c.number as case_number, c.state, u.name as unit_name,
           (select e.note from case_event e
             where e.case_id = c.id and e.action in ('report_back', 'close', 'cancel') and e.note is not null and e.note <> ''
             order by e.id desc limit 1) as reply,
           case when c.state in ('closed', 'evaluated') then c.closed_at
                when c.state = 'cancelled' then (select max(e.at) from case_event e where e.case_id = c.id and e.action = 'cancel') end as finished_at,
           c.satisfaction
      from hotline_order o
      left join case_record c on c.id = o.case_id
      left join case_unit u on u.id = coalesce(c.handled_by_unit_id, c.lead_unit_id)
     where ${withinScope(sql.ref("o.region_path"), scope)}
       and o.received_at >= ${args.from} and o.received_at < ${args.to}
       ${args.onlyFinished ? sql`and c.state in ('closed', 'evaluated', 'cancelled')` : sql``}
     order by o.received_at, o.id
     limit ${args.limit}`.execute(db);
  return rows;
}

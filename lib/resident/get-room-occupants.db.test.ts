import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import type { Connection } from "../../db/client";
import type { RequestContext } from "../context";
import { t } from "../i18n";
import { withSeededDistrict } from "../testing/seeded-district";
import { getRoomOccupants } from "./get-room-occupants";
import { FULL_ID_PATTERN, MASKED_ID_PATTERN, MASKED_PHONE_PATTERN, maskName } from "../pii/mask";

let conn: Connection;
let ctx: RequestContext;

withSeededDistrict((c, x) => {
  conn = c;
  ctx = x;
});

describe("getRoomOccupants", () => {
  it("returns the room's households and every resident, masked", async () => {
    const { rows } = await sql<{ room_id: number; n: number }>`
      select h.room_id, count(p.id)::int as n from household h join resident p on p.household_id = h.id
       group by h.room_id order by count(p.id) desc, h.room_id limit 1`.execute(conn.db);
    const occupants = await getRoomOccupants({ ctx, input: { id: rows[0].room_id } });
    const residents = occupants.households.flatMap((h) => h.residents);
    expect(residents).toHaveLength(rows[0].n);
    for (const r of residents) {
      expect(r.idNumberMasked).toMatch(MASKED_ID_PATTERN);
      if (r.phoneMasked !== null) expect(r.phoneMasked).toMatch(MASKED_PHONE_PATTERN);
      expect(["男", "女"]).toContain(r.genderName);
      expect(r.age).toBeGreaterThanOrEqual(0);
    }
    // nothing in the answer looks like a full identity number, and no ciphertext travels
    const json = JSON.stringify(occupants);
    expect(FULL_ID_PATTERN.test(json)).toBe(false);
    expect(json).not.toMatch(/cipher|hash/i);
  });

  it("masks key persons' names and shows others in full", async () => {
    const { rows } = await sql<{ room_id: number; id: number; name: string }>`
      select h.room_id, p.id, p.name from resident p join household h on h.id = p.household_id
       where p.key_person order by p.id limit 1`.execute(conn.db);
    expect(rows).toHaveLength(1);
    const occupants = await getRoomOccupants({ ctx, input: { id: rows[0].room_id } });
    const all = occupants.households.flatMap((h) => h.residents);
    const key = all.find((r) => r.id === rows[0].id);
    expect(key?.name).toBe(maskName(rows[0].name));
    expect(key?.nameMasked).toBe(true);
    expect(JSON.stringify(occupants)).not.toContain(rows[0].name);
    for (const r of all.filter((x) => !x.keyPerson)) expect(r.name).not.toContain("*");
  });

  it("computes ages from the birth date", async () => {
    const { rows } = await sql<{ room_id: number; id: number; birth: string }>`
      select h.room_id, p.id, to_char(p.birth_date, 'YYYY-MM-DD') as birth from resident p join household h on h.id = p.household_id order by p.id limit 1`.execute(
      conn.db,
    );
    const occupants = await getRoomOccupants({ ctx, input: { id: rows[0].room_id }, today: new Date(2030, 0, 1) });
    const r = occupants.households.flatMap((h) => h.residents).find((x) => x.id === rows[0].id);
    const [y, m, d] = rows[0].birth.split("-").map(Number);
    expect(r?.age).toBe(2029 - y + (m === 1 && d === 1 ? 1 : 0));
  });

  it("returns an empty household list for a vacant room", async () => {
    const { rows } = await sql<{ id: number; use: string }>`
      select r.id, r.use from room r where not exists (select 1 from household h where h.room_id = r.id) order by r.id limit 1`.execute(
      conn.db,
    );
    const occupants = await getRoomOccupants({ ctx, input: { id: rows[0].id } });
    expect(occupants.households).toEqual([]);
    // the room's use in Chinese (住宅, 商铺, …)
    expect(occupants.room.useName).toBe(t.building.uses[rows[0].use]);
  });

  it("throws NOT_FOUND and VALIDATION", async () => {
    await expect(getRoomOccupants({ ctx, input: { id: 987_654_321 } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRoomOccupants({ ctx, input: { id: "x" as unknown as number } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

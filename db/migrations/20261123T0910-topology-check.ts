import { sql, type Kysely } from "kysely";

/**
 * PostGIS functions over the region tree:
 * - topology_check(tolerance): the division rules (横向到边、纵向到底、不留空白、不交叉重叠) per level —
 *   invalid geometry, child outside its parent, sibling overlap, gap inside the parent;
 * - refresh_region_stats(): the counts shown on the map and in the side panel, rolled up the tree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function topology_check(tolerance_m2 double precision default 1.0)
    returns table (level smallint, problem text, region_code text, other_code text, area_m2 double precision, detail text)
    language sql stable as $$
      select r.level, 'invalid_geometry', r.code, null::text, null::double precision, st_isvalidreason(r.geom)
        from region r where not st_isvalid(r.geom)
      union all
      select c.level, 'outside_parent', c.code, p.code, a.area, null
        from region c join region p on p.id = c.parent_id
        cross join lateral (select st_area(st_difference(c.geom, p.geom)::geography) as area) a
       where st_isvalid(c.geom) and st_isvalid(p.geom) and a.area > tolerance_m2
      union all
      select c1.level, 'sibling_overlap', c1.code, c2.code, a.area, null
        from region c1 join region c2 on c2.parent_id = c1.parent_id and c2.id > c1.id and c1.geom && c2.geom
        cross join lateral (select st_area(st_intersection(c1.geom, c2.geom)::geography) as area) a
       where st_isvalid(c1.geom) and st_isvalid(c2.geom) and st_intersects(c1.geom, c2.geom) and a.area > tolerance_m2
      union all
      select (p.level + 1)::smallint, 'gap_in_parent', p.code, null, a.area, null
        from region p
        cross join lateral (select st_union(c.geom) as geom from region c where c.parent_id = p.id and st_isvalid(c.geom)) u
        cross join lateral (select st_area(st_difference(p.geom, u.geom)::geography) as area) a
       where u.geom is not null and st_isvalid(p.geom) and a.area > tolerance_m2
      order by 1, 2, 3
    $$`.execute(db);

  await sql`
    create or replace function refresh_region_stats() returns void language sql as $$
      with building_counts as (
        select grid_id, count(*) as buildings from building group by grid_id
      ), room_counts as (
        select b.grid_id, count(*) filter (where r.use = 'rented') as rented_rooms
          from room r join building b on b.id = r.building_id group by b.grid_id
      ), people_counts as (
        select b.grid_id,
               count(distinct h.id) as households,
               count(p.id) as residents,
               count(p.id) filter (where h.registration = 'floating') as floating_residents,
               count(p.id) filter (where cardinality(p.tags) > 0) as special_group_residents,
               count(p.id) filter (where p.key_person) as key_persons
          from household h
          join room r on r.id = h.room_id
          join building b on b.id = r.building_id
          left join resident p on p.household_id = h.id
         group by b.grid_id
      ), per_grid as (
        select g.id, g.path,
               coalesce(pc.households, 0) as households, coalesce(pc.residents, 0) as residents,
               coalesce(pc.floating_residents, 0) as floating_residents,
               coalesce(rc.rented_rooms, 0) as rented_rooms,
               coalesce(pc.special_group_residents, 0) as special_group_residents,
               coalesce(pc.key_persons, 0) as key_persons,
               coalesce(bc.buildings, 0) as buildings
          from region g
          left join building_counts bc on bc.grid_id = g.id
          left join room_counts rc on rc.grid_id = g.id
          left join people_counts pc on pc.grid_id = g.id
         where g.level = 4
      ), rolled as (
        select a.id,
               sum(s.households) as households, sum(s.residents) as residents,
               sum(s.floating_residents) as floating_residents, sum(s.rented_rooms) as rented_rooms,
               sum(s.special_group_residents) as special_group_residents, sum(s.key_persons) as key_persons,
               sum(s.buildings) as buildings
          from region a join per_grid s on s.path <@ a.path
         group by a.id
      )
      update region r set
        households = coalesce(x.households, 0), residents = coalesce(x.residents, 0),
        floating_residents = coalesce(x.floating_residents, 0), rented_rooms = coalesce(x.rented_rooms, 0),
        special_group_residents = coalesce(x.special_group_residents, 0), key_persons = coalesce(x.key_persons, 0),
        buildings = coalesce(x.buildings, 0)
      from region r2 left join rolled x on x.id = r2.id
      where r.id = r2.id
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists refresh_region_stats()`.execute(db);
  await sql`drop function if exists topology_check(double precision)`.execute(db);
}

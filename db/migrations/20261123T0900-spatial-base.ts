import { sql, type Kysely } from "kysely";

/**
 * The spatial spine: the region tree (district → 大片区 → 社区 → 小区 → 基础网格) and everything that
 * sits in a basic grid (人进户、户进房、房进楼、楼进格). Geometry is stored in SRID 4326 with a stored
 * 3857 copy for tiles; large tables carry the district code so they can be sharded on it later.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists postgis`.execute(db);
  await sql`create extension if not exists ltree`.execute(db);

  await sql`
    create table region (
      id integer generated always as identity primary key,
      code text not null unique check (code ~ '^[0-9]{6,18}$'),
      name text not null,
      -- 0 district, 1 大片区 (street/town), 2 社区 (community/village), 3 小区, 4 基础网格
      level smallint not null check (level between 0 and 4),
      -- street | town | township for level 1; urban | village for levels 2–4
      kind text not null,
      parent_id integer references region(id) on delete cascade,
      path ltree not null,
      district_code text not null,
      geom geometry(MultiPolygon, 4326) not null,
      geom_3857 geometry(MultiPolygon, 3857) generated always as (st_transform(geom, 3857)) stored,
      label_point geometry(Point, 3857) generated always as (st_transform(st_pointonsurface(geom), 3857)) stored,
      households integer not null default 0,
      residents integer not null default 0,
      floating_residents integer not null default 0,
      rented_rooms integer not null default 0,
      special_group_residents integer not null default 0,
      key_persons integer not null default 0,
      buildings integer not null default 0,
      check ((level = 0) = (parent_id is null))
    )`.execute(db);
  await sql`create index region_parent_idx on region (parent_id)`.execute(db);
  await sql`create index region_path_idx on region using gist (path)`.execute(db);
  await sql`create index region_level_idx on region (level)`.execute(db);
  await sql`create index region_geom_idx on region using gist (geom)`.execute(db);
  await sql`create index region_geom_3857_idx on region using gist (geom_3857)`.execute(db);
  await sql`create index region_name_trgm_idx on region (name text_pattern_ops)`.execute(db);

  await sql`
    create table building (
      id bigint generated always as identity primary key,
      district_code text not null,
      grid_id integer not null references region(id) on delete cascade,
      code text not null unique,
      name text not null,
      address text not null,
      -- high_rise | mid_rise | low_rise | village_house | commercial
      type text not null,
      floors smallint not null check (floors between 1 and 120),
      entrances smallint not null check (entrances between 1 and 20),
      rooms_per_floor smallint not null check (rooms_per_floor between 1 and 40),
      geom geometry(Polygon, 4326) not null,
      geom_3857 geometry(Polygon, 3857) generated always as (st_transform(geom, 3857)) stored
    )`.execute(db);
  await sql`create index building_grid_idx on building (grid_id)`.execute(db);
  await sql`create index building_geom_idx on building using gist (geom)`.execute(db);
  await sql`create index building_geom_3857_idx on building using gist (geom_3857)`.execute(db);
  await sql`create index building_address_idx on building (address text_pattern_ops)`.execute(db);

  await sql`
    create table room (
      id bigint generated always as identity primary key,
      district_code text not null,
      building_id bigint not null references building(id) on delete cascade,
      entrance smallint not null check (entrance >= 1),
      floor smallint not null check (floor >= 1),
      number text not null,
      area numeric(7, 2) not null check (area > 0),
      use text not null check (use in ('self', 'rented', 'vacant', 'commercial')),
      unique (building_id, entrance, number)
    )`.execute(db);
  await sql`create index room_building_idx on room (building_id)`.execute(db);

  await sql`
    create table household (
      id bigint generated always as identity primary key,
      district_code text not null,
      room_id bigint not null references room(id) on delete cascade,
      -- family | collective
      type text not null check (type in ('family', 'collective')),
      -- 户籍 registered | 流动 floating
      registration text not null check (registration in ('registered', 'floating')),
      head_resident_id bigint,
      work_unit text
    )`.execute(db);
  await sql`create index household_room_idx on household (room_id)`.execute(db);

  await sql`
    create table resident (
      id bigint generated always as identity primary key,
      district_code text not null,
      household_id bigint not null references household(id) on delete cascade,
      name text not null,
      gender char(1) not null check (gender in ('M', 'F')),
      birth_date date not null,
      -- head | spouse | child | parent | grandchild | sibling | other
      relation text not null,
      -- GB 11643 identity number: AES-256-GCM ciphertext, HMAC-SHA256 for exact lookup, and the masked form
      id_number_cipher bytea not null,
      id_number_hash bytea not null,
      id_number_masked text not null,
      phone_cipher bytea,
      phone_masked text,
      -- special groups (低保户, 低收入, 残疾人, 空巢老人, 下岗失业, 单亲, 矫正对象, 外出务工)
      tags text[] not null default '{}',
      key_person boolean not null default false
    )`.execute(db);
  await sql`create index resident_household_idx on resident (household_id)`.execute(db);
  await sql`create unique index resident_id_hash_idx on resident (id_number_hash)`.execute(db);
  await sql`create index resident_name_idx on resident (name text_pattern_ops)`.execute(db);
  await sql`alter table household add constraint household_head_fk foreign key (head_resident_id) references resident(id) on delete set null deferrable initially deferred`.execute(
    db,
  );

  await sql`
    create table organization (
      id bigint generated always as identity primary key,
      district_code text not null,
      grid_id integer not null references region(id) on delete cascade,
      building_id bigint references building(id) on delete set null,
      name text not null,
      -- shop | enterprise | social
      kind text not null check (kind in ('shop', 'enterprise', 'social')),
      address text not null,
      geom geometry(Point, 4326) not null,
      geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
    )`.execute(db);
  await sql`create index organization_grid_idx on organization (grid_id)`.execute(db);
  await sql`create index organization_geom_3857_idx on organization using gist (geom_3857)`.execute(db);

  await sql`
    create table component (
      id bigint generated always as identity primary key,
      district_code text not null,
      grid_id integer not null references region(id) on delete cascade,
      code text not null unique,
      -- hydrant | camera | manhole | lamp
      kind text not null check (kind in ('hydrant', 'camera', 'manhole', 'lamp')),
      geom geometry(Point, 4326) not null,
      geom_3857 geometry(Point, 3857) generated always as (st_transform(geom, 3857)) stored
    )`.execute(db);
  await sql`create index component_grid_idx on component (grid_id)`.execute(db);
  await sql`create index component_geom_3857_idx on component using gist (geom_3857)`.execute(db);

  // Roads and water so the offline map reads like a map (drawn under the grids).
  await sql`
    create table map_feature (
      id bigint generated always as identity primary key,
      district_code text not null,
      -- road_major | road_minor | river | lake
      kind text not null,
      name text,
      geom geometry(Geometry, 4326) not null,
      geom_3857 geometry(Geometry, 3857) generated always as (st_transform(geom, 3857)) stored
    )`.execute(db);
  await sql`create index map_feature_geom_3857_idx on map_feature using gist (geom_3857)`.execute(db);

  // Bumped whenever a layer's data changes, so tile caches and ETags know when to let go.
  await sql`
    create table layer_version (
      layer text primary key,
      version bigint not null default 1,
      changed_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["layer_version", "map_feature", "component", "organization"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
  await sql`alter table if exists household drop constraint if exists household_head_fk`.execute(db);
  for (const table of ["resident", "household", "room", "building", "region"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}

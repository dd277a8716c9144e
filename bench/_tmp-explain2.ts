import { connect } from "../db/client";
import { appDatabaseUrl } from "../db/url";
import { caseTileStatement } from "../db/queries/case-tiles";
import { parseCaseFilter } from "../tiles/case-filter";
import { TILE_SESSION_SETTINGS } from "../tiles/tile-connection";
import { lonLatToTile } from "../tiles/tile-math";
const [url, layer, query, z] = process.argv.slice(2);
const { sql } = connect(appDatabaseUrl(url), { max: 1, settings: TILE_SESSION_SETTINGS });
const [c] = await sql<{ lon: number; lat: number; path: string }[]>`select st_x(st_centroid(geom)) lon, st_y(st_centroid(geom)) lat, path::text from region where level = 0`;
const p = parseCaseFilter(new URLSearchParams(query ?? ""));
if (!p.ok) throw new Error();
const st = caseTileStatement(layer as "case", lonLatToTile(c.lon + 0.01, c.lat, Number(z)), [c.path], p.filter);
await sql.begin(async (tx) => {
  await tx.unsafe(`select set_config('gridatlas.scope', $1, true)`, [`{${c.path}}`]);
  const rows = await tx.unsafe(`explain (analyze, buffers) ${st.text}`, st.params as never[]);
  for (const r of rows) console.log(r["QUERY PLAN"]);
});
await sql.end();

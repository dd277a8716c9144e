import { connect } from "../db/client";
import { caseTileStatement } from "../db/queries/case-tiles";
import { parseCaseFilter } from "../tiles/case-filter";
import { decodeTile } from "../tiles/testing/decode";
import { lonLatToTile } from "../tiles/tile-math";
const { sql } = connect(process.argv[2], { max: 1 });
const [c] = await sql<{ lon: number; lat: number; path: string }[]>`select st_x(st_centroid(geom)) lon, st_y(st_centroid(geom)) lat, path::text from region where level = 0`;
for (const q of ["state=open", "state=open,closed"]) {
  const p = parseCaseFilter(new URLSearchParams(q)); if (!p.ok) throw 0;
  const t = lonLatToTile(c.lon, c.lat, 10);
  const st = caseTileStatement("case", t, [c.path], p.filter);
  const [r] = await sql.unsafe<{ mvt: Uint8Array }[]>(st.text, st.params as never[]);
  const f = decodeTile(r.mvt).case ?? [];
  console.log(q, f.length, f.reduce((n, x) => n + Number(x.properties.count), 0), st.text.includes("case_map_open"));
}
await sql.end();

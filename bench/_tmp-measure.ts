import { connect } from "../db/client";
import { caseTileStatement } from "../db/queries/case-tiles";
import { parseCaseFilter } from "../tiles/case-filter";
import { TILE_SESSION_SETTINGS } from "../tiles/tile-connection";
import { lonLatToTile } from "../tiles/tile-math";
const url = process.argv[2];
const { sql } = connect(url, { max: 1, settings: TILE_SESSION_SETTINGS });
const [c] = await sql<{ lon: number; lat: number; path: string }[]>`select st_x(st_centroid(geom)) lon, st_y(st_centroid(geom)) lat, path::text from region where level = 0`;
for (const [layer, query, zs] of [["case_heat", "", [10, 12, 14]], ["case", "", [10, 12, 14, 15, 16]], ["case", "state=open", [10, 12, 14, 16]], ["case", "from=2026-10-25", [10, 12, 14]]] as const) {
  const p = parseCaseFilter(new URLSearchParams(query));
  if (!p.ok) throw new Error();
  for (const z of zs) {
    const t = lonLatToTile(c.lon, c.lat, z);
    const st = caseTileStatement(layer, t, [c.path], p.filter);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const [r] = await sql.unsafe<{ mvt: Uint8Array }[]>(st.text, st.params as never[], { prepare: true });
      times.push(performance.now() - t0);
      bytes = r.mvt.byteLength;
    }
    console.log(layer.padEnd(10), query.padEnd(16), `z${z}`, times.map((x) => x.toFixed(1)).join(" / "), "ms", (bytes / 1024).toFixed(1), "KB");
  }
}
await sql.end();

/** `npm run db:migrate` (up to latest) and `npm run db:rollback` (one step down) on the product database. */
import { connect } from "../client";
import { migrateDown } from "../migrate";
import { prepareDatabase } from "../prepare";
import { productDatabaseUrl } from "../url";

const direction = process.argv[2] ?? "up";
const url = productDatabaseUrl();
if (direction === "up") {
  await prepareDatabase(url);
} else if (direction === "down") {
  const { db } = connect(url, { max: 1 });
  for (const line of await migrateDown(db)) console.log(line);
  await db.destroy();
} else {
  console.error("usage: tsx db/cli/migrate.ts up|down");
  process.exit(2);
}

/** `npm run db:start` / `npm run db:stop`: the project-local PostgreSQL cluster. */
import { clusterStatus, startCluster, stopCluster } from "../cluster";

const command = process.argv[2];
if (command === "start") {
  startCluster();
  console.log("local PostgreSQL cluster is running");
} else if (command === "stop") {
  stopCluster();
  console.log("local PostgreSQL cluster is stopped");
} else if (command === "status") {
  console.log(clusterStatus());
} else {
  console.error("usage: tsx db/cli/cluster.ts start|stop|status");
  process.exit(2);
}

import next from "eslint-config-next";

export default [
  ...next,
  { ignores: [".next/**", ".data/**", "node_modules/**", "db/types.ts", "test-results/**", "playwright-report/**"] },
];

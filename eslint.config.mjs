import next from "eslint-config-next";

const config = [
  ...next,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      "bench/results/**",
      ".data/**",
      "node_modules/**",
      "db/types.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
];

export default config;

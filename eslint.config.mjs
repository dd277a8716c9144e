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
  {
    // SQL lives in db/ and tiles/ (README "Architecture"): elsewhere, call an executor-first function of
    // db/queries. Tests and test support (testing/ and fixtures/ folders) may write the rows they need.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "workers/**/*.{ts,tsx}"],
    ignores: ["**/*.test.ts", "**/*.test.tsx", "**/testing/**", "**/fixtures/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "kysely",
              importNames: ["sql"],
              message: "SQL lives in db/queries (or tiles/): call an executor-first function there.",
            },
            { name: "postgres", message: "SQL lives in db/queries (or tiles/): call an executor-first function there." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|mergeInto|replaceInto)$/]",
          message: "SQL lives in db/queries (or tiles/): call an executor-first function there.",
        },
      ],
    },
  },
];

export default config;

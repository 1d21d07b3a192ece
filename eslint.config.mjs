import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests read untyped JSON bodies from the sandboxes.
    files: ["**/*.test.ts", "**/*.test.tsx", "**/test-helpers.ts", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Connectors never reach the database or React (conventions: imports point one way).
    files: ["lib/connectors/**/*.ts"],
    // Tests may wire a connector to the real ID map and database.
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["@/lib/db/*", "@/lib/generated/*", "react", "react-dom", "next/*", "@/lib/engine/*", "**/db/client"] },
      ],
    },
  },
  globalIgnores([".next/**", ".build/**", ".build-test-*/**", "node_modules/**", ".data/**", "lib/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "**/generated/**"]),
]);

// Lint: typescript-eslint with type information, React hooks, Next's rules, and the layers of
// docs/ARCHITECTURE.md kept by import rules (domain is pure; server never imports UI; components
// never import routes).
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const layer = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      "next-env.d.ts",
      "src/server/db/generated/**",
      "prisma/**/migrations/**",
      "data/**",
      "backups/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks, "@next/next": nextPlugin },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  { files: ["**/*.mjs", "**/*.js"], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read JSON bodies and mock framework functions: `any` there is the test's own business.
    files: ["tests/**", "**/*.test.ts", "**/*.test.tsx", "**/*.test.mjs"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/restrict-plus-operands": "off",
      "no-control-regex": "off",
    },
  },
  {
    files: ["src/domain/**"],
    ignores: ["**/*.test.ts"],
    rules: { "no-restricted-globals": ["error", "Buffer", "process", "require"] },
  },
  layer(
    ["src/domain/**"],
    [
      {
        group: ["next", "next/**", "react", "react-dom", "@prisma/**", "@/server/**", "@/app/**", "@/components/**"],
        message: "src/domain is pure TypeScript.",
      },
      { regex: "^node:", message: "src/domain is pure TypeScript: no Node built-ins." },
    ],
  ),
  layer(
    ["src/components/**"],
    [
      { group: ["@/app/**", "**/app/**"], message: "Components do not import routes." },
      {
        group: ["@/server/db", "@/server/db/**", "@prisma/**"],
        message: "Components get their data from pages or actions.",
      },
    ],
  ),
  layer(
    ["src/server/**"],
    [
      {
        group: ["@/components/**", "@/app/**", "**/components/**"],
        message: "src/server does not import UI or routes.",
      },
    ],
  ),
  layer(
    ["src/app/**"],
    [{ group: ["@prisma/**", "**/db/generated/**"], message: "Only src/server talks to the database." }],
  ),
);

import { defineConfig } from "vitest/config";

// Preact's automatic JSX runtime is handled by Vite's built-in transform;
// no framework plugin is needed.
export default defineConfig({
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  server: {
    // `npm run dev` proxies the API to a locally running server.
    proxy: {
      "/api": process.env.CONTINUITY_API ?? "http://127.0.0.1:8080",
      "/healthz": process.env.CONTINUITY_API ?? "http://127.0.0.1:8080",
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
  },
});

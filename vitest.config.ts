import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: "forks",
    // Two files at a time: site builds serialise on their own lock, everything else overlaps them.
    maxWorkers: 2,
  },
});

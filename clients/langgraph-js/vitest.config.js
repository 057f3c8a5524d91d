import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // @langchain/langgraph-checkpoint-validation's specTest() calls describe/it/expect as globals.
    globals: true,
    globalSetup: ["./test/global-setup.js"],
    include: ["test/**/*.test.js"],
    // One service, one database: the files run one after another so the conformance suite's list-all tests see only their own checkpoints.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

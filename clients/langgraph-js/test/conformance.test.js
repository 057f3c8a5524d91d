// LangGraph's own conformance suite for checkpointers, run in full against the real service.
import { inject } from "vitest";
import { deltaChannelHistoryTests, specTest } from "@langchain/langgraph-checkpoint-validation";
import { MonolithSaver } from "../src/index.js";

const service = inject("monolith");

/** Every thread the suite wrote, found through the cross-thread list, is deleted after each group of tests. */
async function deleteEverything(saver) {
  const threads = new Set();
  for await (const tuple of saver.list({})) threads.add(tuple.config.configurable.thread_id);
  for (const thread of threads) await saver.deleteThread(thread);
}

const initializer = {
  checkpointerName: "@monolith/langgraph-checkpoint",
  createCheckpointer: () => new MonolithSaver({ url: service.url, apiKey: service.apiKey }),
  destroyCheckpointer: deleteEverything,
};

specTest(initializer);
deltaChannelHistoryTests(initializer);

// Real graphs on MonolithSaver give the same results, state and history as on LangGraph's MemorySaver.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { MemorySaver } from "@langchain/langgraph-checkpoint";
import { MonolithSaver } from "../src/index.js";
import { failOnceAndResume, interrupts, subgraphWithInterrupt, twoNodeConversation, updateAndFork } from "./graphs.js";

const service = inject("monolith");

const scenarios = {
  "two-node MessagesAnnotation graph invoked twice": (saver, durability, thread) => twoNodeConversation(saver, durability, thread),
  "a node with one interrupt()": (saver, durability, thread) => interrupts(saver, durability, thread, 1),
  "a node with two interrupt()s": (saver, durability, thread) => interrupts(saver, durability, thread, 2),
  "a node with three interrupt()s": (saver, durability, thread) => interrupts(saver, durability, thread, 3),
  "a subgraph in its own namespace with an interrupt": (saver, durability, thread) => subgraphWithInterrupt(saver, durability, thread),
  "updateState and a fork": (saver, durability, thread) => updateAndFork(saver, durability, thread),
  "a node that fails once and is resumed, and one retried by policy": (saver, durability, thread) => failOnceAndResume(saver, durability, thread),
};

describe.each(["async", "sync", "exit"])("durability %s", (durability) => {
  it.each(Object.keys(scenarios))("%s: identical to MemorySaver", async (name) => {
    const thread = `graph-${randomUUID()}`;
    const expected = await scenarios[name](new MemorySaver(), durability, thread);
    const monolith = new MonolithSaver({ url: service.url, apiKey: service.apiKey });
    const actual = await scenarios[name](monolith, durability, thread);
    expect(actual).toEqual(expected);
    // The scenario observed something: a graph that silently did nothing would compare equal too.
    expect(JSON.stringify(actual).length).toBeGreaterThan(200);
    await monolith.deleteThread(thread);
  });
});

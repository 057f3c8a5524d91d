// Compiled by `tsc` before the tests run: the declarations type a real graph's checkpointer.
import { MemorySaver, type BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { MessagesAnnotation, StateGraph } from "@langchain/langgraph";
import { MonolithError, MonolithSaver } from "../src/index.js";

const saver: BaseCheckpointSaver = new MonolithSaver({ url: "http://127.0.0.1:5080", apiKey: "key" });
const graph = new StateGraph(MessagesAnnotation).addNode("noop", () => ({})).addEdge("__start__", "noop").compile({ checkpointer: saver });
const monolith = new MonolithSaver({ url: "u", apiKey: "k" });
const remove: (threadId: string) => Promise<void> = (threadId) => monolith.deleteThread(threadId);
const memory: BaseCheckpointSaver = new MemorySaver();
export function status(e: unknown): number | undefined {
  return e instanceof MonolithError ? e.status : undefined;
}
export { graph, remove, memory };

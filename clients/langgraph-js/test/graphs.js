// Real LangGraph graphs, each run by a scenario that returns everything a user can observe: results, getState (with
// subgraphs), getStateHistory with and without filter and limit. Run once on MemorySaver and once on MonolithSaver,
// the observations must be equal after ids, timestamps and channel versions are masked.
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { Annotation, Command, END, INTERRUPT, MessagesAnnotation, START, StateGraph, interrupt } from "@langchain/langgraph";

/** Masks what legitimately differs between two runs: uuid ids (checkpoints, tasks), interrupt ids (hashes of those) and timestamps. */
export function masked(value) {
  const json = JSON.stringify(value, (key, v) => {
    if (key === "createdAt" || key === "ts") return "<time>";
    return v;
  });
  return JSON.parse(json
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>")
    .replace(/\b[0-9a-f]{32}\b/g, "<hash>"));
}

async function observe(graph, config, { subgraphs = false } = {}) {
  const state = await graph.getState(config, { subgraphs });
  const history = [];
  for await (const snapshot of graph.getStateHistory(config)) history.push(snapshot);
  const loops = [];
  for await (const snapshot of graph.getStateHistory(config, { filter: { source: "loop" } })) loops.push(snapshot);
  const lastTwo = [];
  for await (const snapshot of graph.getStateHistory(config, { limit: 2 })) lastTwo.push(snapshot);
  return masked({ state, history, loops, lastTwo });
}

/** Two nodes over MessagesAnnotation, invoked twice on one thread. */
export async function twoNodeConversation(checkpointer, durability, threadId) {
  const reply = (name) => (state) => {
    const last = state.messages[state.messages.length - 1];
    return { messages: [new AIMessage({ id: `${name}-${state.messages.length}`, content: `${name} saw: ${last.content}` })] };
  };
  const graph = new StateGraph(MessagesAnnotation)
    .addNode("first", reply("first"))
    .addNode("second", reply("second"))
    .addEdge(START, "first")
    .addEdge("first", "second")
    .addEdge("second", END)
    .compile({ checkpointer });
  const config = { configurable: { thread_id: threadId } };
  const results = [];
  results.push(await graph.invoke({ messages: [new HumanMessage({ id: "h1", content: "hello" })] }, { ...config, durability }));
  results.push(await graph.invoke({ messages: [new HumanMessage({ id: "h2", content: "again" })] }, { ...config, durability }));
  return masked({ results, observed: await observe(graph, config) });
}

/** A node that asks `count` questions with interrupt(), resumed one Command({ resume }) at a time. */
export async function interrupts(checkpointer, durability, threadId, count) {
  const State = Annotation.Root({ answers: Annotation({ reducer: (a, b) => a.concat(b), default: () => [] }) });
  const graph = new StateGraph(State)
    .addNode("ask", () => {
      const answers = [];
      for (let i = 1; i <= count; i++) answers.push(interrupt({ question: `q${i}` }));
      return { answers };
    })
    .addNode("after", (state) => ({ answers: [`done with ${state.answers.length}`] }))
    .addEdge(START, "ask")
    .addEdge("ask", "after")
    .addEdge("after", END)
    .compile({ checkpointer });
  const config = { configurable: { thread_id: threadId } };
  const steps = [];
  let result = await graph.invoke({ answers: [] }, { ...config, durability });
  steps.push({ result, observed: await observe(graph, config) });
  for (let i = 1; i <= count; i++) {
    result = await graph.invoke(new Command({ resume: `a${i}` }), { ...config, durability });
    steps.push({ result, observed: await observe(graph, config) });
  }
  return masked(steps);
}

/** A subgraph added as a node runs in its own namespace and interrupts; the parent resumes it. */
export async function subgraphWithInterrupt(checkpointer, durability, threadId) {
  const State = Annotation.Root({ log: Annotation({ reducer: (a, b) => a.concat(b), default: () => [] }) });
  const child = new StateGraph(State)
    .addNode("child_work", () => ({ log: ["child started"] }))
    .addNode("child_ask", () => ({ log: [`child got ${interrupt("child question")}`] }))
    .addEdge(START, "child_work")
    .addEdge("child_work", "child_ask")
    .addEdge("child_ask", END)
    .compile();
  const graph = new StateGraph(State)
    .addNode("parent_before", () => ({ log: ["parent before"] }))
    .addNode("child", child)
    .addNode("parent_after", () => ({ log: ["parent after"] }))
    .addEdge(START, "parent_before")
    .addEdge("parent_before", "child")
    .addEdge("child", "parent_after")
    .addEdge("parent_after", END)
    .compile({ checkpointer });
  const config = { configurable: { thread_id: threadId } };
  const first = await graph.invoke({ log: [] }, { ...config, durability });
  const paused = await observe(graph, config, { subgraphs: true });
  const interruptsSeen = first[INTERRUPT];
  const second = await graph.invoke(new Command({ resume: "an answer" }), { ...config, durability });
  return masked({ first, interruptsSeen, paused, second, done: await observe(graph, config, { subgraphs: true }) });
}

/** updateState as a node, then a fork: an older checkpoint is resumed with new input, the history branches. */
export async function updateAndFork(checkpointer, durability, threadId) {
  const graph = new StateGraph(MessagesAnnotation)
    .addNode("echo", (state) => ({ messages: [new AIMessage({ id: `echo-${state.messages.length}`, content: `echo ${state.messages.length}` })] }))
    .addEdge(START, "echo")
    .addEdge("echo", END)
    .compile({ checkpointer });
  const config = { configurable: { thread_id: threadId } };
  await graph.invoke({ messages: [new HumanMessage({ id: "u1", content: "one" })] }, { ...config, durability });
  await graph.invoke({ messages: [new HumanMessage({ id: "u2", content: "two" })] }, { ...config, durability });
  const updated = await graph.updateState(config, { messages: [new AIMessage({ id: "edited", content: "edited by a human" })] }, "echo");
  const afterUpdate = await observe(graph, config);
  const history = [];
  for await (const snapshot of graph.getStateHistory(config)) history.push(snapshot);
  // Fork from the end of the first turn (the oldest checkpoint holding its two messages, in every durability mode).
  const forkPoint = history.filter((s) => s.values.messages?.length === 2).at(-1);
  const forked = await graph.invoke({ messages: [new HumanMessage({ id: "f1", content: "fork" })] }, { ...forkPoint.config, durability });
  const forkedAgain = await graph.invoke({ messages: [new HumanMessage({ id: "u3", content: "three" })] }, { ...config, durability });
  return masked({ updated, afterUpdate, forked, forkedAgain, observed: await observe(graph, config) });
}

/**
 * Two nodes in one superstep: one succeeds, one fails on its first call. The run fails; its successful write is
 * kept as a pending write, so the resumed run calls only the failed node again. A third node retries by policy.
 */
export async function failOnceAndResume(checkpointer, durability, threadId) {
  const calls = { steady: 0, flaky: 0, retried: 0 };
  const State = Annotation.Root({ log: Annotation({ reducer: (a, b) => a.concat(b), default: () => [] }) });
  const graph = new StateGraph(State)
    .addNode("steady", () => {
      calls.steady += 1;
      return { log: ["steady"] };
    })
    .addNode("flaky", () => {
      calls.flaky += 1;
      if (calls.flaky === 1) throw new Error("flaky failed once");
      return { log: ["flaky"] };
    })
    .addNode("retried", () => {
      calls.retried += 1;
      if (calls.retried === 1) throw new Error("retried failed once");
      return { log: ["retried"] };
    }, { retryPolicy: { maxAttempts: 2, initialInterval: 1, jitter: false, retryOn: () => true } })
    .addEdge(START, "steady")
    .addEdge(START, "flaky")
    .addEdge("steady", "retried")
    .addEdge("flaky", "retried")
    .addEdge("retried", END)
    .compile({ checkpointer });
  const config = { configurable: { thread_id: threadId } };
  let failure;
  try {
    await graph.invoke({ log: [] }, { ...config, durability });
  } catch (e) {
    failure = e.message;
  }
  const failed = await observe(graph, config);
  const resumed = await graph.invoke(null, { ...config, durability });
  return masked({ failure, failed, resumed, calls: { ...calls }, observed: await observe(graph, config) });
}

// The same LangGraph graphs on MonolithSaver and on LangGraph's own PostgresSaver, against one PostgreSQL database:
// bytes stored per thread, step (invoke) latency p50/p99, rows per step. Prints markdown for docs/benchmarks.md.
//   node bench/langgraph.js [--quick]        (tools/bench/run langgraph [--quick] builds the host and calls this)
import { AIMessage, HumanMessage } from "@langchain/core/messages";
import { Annotation, END, MessagesAnnotation, START, StateGraph } from "@langchain/langgraph";
import { PostgresSaver } from "@langchain/langgraph-checkpoint-postgres";
import pg from "pg";
import { MonolithSaver } from "../src/index.js";
import { startMonolith } from "../test/monolith-service.js";

const quick = process.argv.includes("--quick");
const kib = (bytes) => (Number(bytes) / 1024).toFixed(0);
const steps = quick ? 40 : 200;
const threads = quick ? 1 : 3;
const warmup = 5;

/** A conversation: each step the user says ~200 characters and the model answers ~400; the message list grows. */
function conversation(checkpointer) {
  return new StateGraph(MessagesAnnotation)
    .addNode("model", (state) => ({
      messages: [new AIMessage({ id: `ai-${state.messages.length}`, content: `answer ${state.messages.length}: ` + "lorem ipsum dolor sit amet ".repeat(15) })],
    }))
    .addEdge(START, "model")
    .addEdge("model", END)
    .compile({ checkpointer });
}

const channels = ["plan", "notes", "draft", "review", "facts", "todo", "profile", "scratch"];

/** Eight text channels of ~1 KB and a counter; each step rewrites one channel (round robin) and bumps the counter. */
function multiChannel(checkpointer) {
  const spec = { step: Annotation({ reducer: (_, b) => b, default: () => 0 }) };
  for (const channel of channels) spec[channel] = Annotation({ reducer: (_, b) => b, default: () => "x".repeat(1000) });
  const State = Annotation.Root(spec);
  return new StateGraph(State)
    .addNode("work", (state) => {
      const channel = channels[state.step % channels.length];
      return { step: state.step + 1, [channel]: `${channel} v${state.step} ` + "y".repeat(1000) };
    })
    .addEdge(START, "work")
    .addEdge("work", END)
    .compile({ checkpointer });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(graph, input, label) {
  const latencies = [];
  for (let t = 0; t < threads; t++) {
    const config = { configurable: { thread_id: `${label}-${t}` } };
    for (let i = 0; i < steps; i++) {
      const started = process.hrtime.bigint();
      await graph.invoke(input(i), config);
      if (i >= warmup) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length };
}

/** Table, index and TOAST bytes and row counts of the given tables; `parts` splits the bytes by heap, TOAST and index. */
async function storage(client, tables) {
  let bytes = 0;
  let rows = 0;
  const parts = [];
  for (const table of tables) {
    const result = await client.query(
      `SELECT pg_total_relation_size($1::regclass) AS bytes, pg_relation_size($1::regclass) AS heap,
              pg_table_size($1::regclass) - pg_relation_size($1::regclass) AS toast, pg_indexes_size($1::regclass) AS indexes,
              (SELECT count(*) FROM ${table}) AS rows`, [table]);
    const row = result.rows[0];
    bytes += Number(row.bytes);
    rows += Number(row.rows);
    parts.push(`${table}: ${row.rows} rows, heap ${kib(row.heap)} + TOAST ${kib(row.toast)} + indexes ${kib(row.indexes)} KiB`);
  }
  return { bytes, rows, parts };
}

const scenarios = [
  { name: `conversation (${steps} steps, messages grow)`, build: conversation, input: (i) => ({ messages: [new HumanMessage({ id: `h-${i}`, content: `question ${i}: ` + "please tell me more ".repeat(10) })] }) },
  { name: `multi-channel (${steps} steps, 8 × 1 KB channels, one changes per step)`, build: multiChannel, input: () => ({}) },
];

const service = await startMonolith({ prefix: "monolith_bench_lg" });
const client = new pg.Client({ connectionString: service.databaseUrl });
await client.connect();
const results = [];
try {
  for (const scenario of scenarios) {
    // Each saver starts from empty tables, so the totals are this scenario's alone.
    await client.query("DROP SCHEMA IF EXISTS langgraph_pg CASCADE");
    await client.query("CREATE SCHEMA langgraph_pg");
    await client.query("TRUNCATE langgraph_checkpoints, checkpoint_blobs, checkpoint_writes");
    const postgres = PostgresSaver.fromConnString(service.databaseUrl, { schema: "langgraph_pg" });
    await postgres.setup();
    const monolith = new MonolithSaver({ url: service.url, apiKey: service.apiKey });
    const savers = [
      { saver: "PostgresSaver (@langchain/langgraph-checkpoint-postgres 1.0.5)", checkpointer: postgres, tables: ["langgraph_pg.checkpoints", "langgraph_pg.checkpoint_blobs", "langgraph_pg.checkpoint_writes"] },
      { saver: "MonolithSaver (HTTP → Monolith)", checkpointer: monolith, tables: ["langgraph_checkpoints", "checkpoint_blobs", "checkpoint_writes"] },
    ];
    for (const { saver, checkpointer, tables } of savers) {
      const latency = await run(scenario.build(checkpointer), scenario.input, saver.startsWith("Postgres") ? "pg" : "monolith");
      await client.query(`VACUUM ANALYZE ${tables.join(", ")}`);
      const stored = await storage(client, tables);
      results.push({ scenario: scenario.name, saver, ...latency, bytesPerThread: stored.bytes / threads, rowsPerStep: stored.rows / (threads * steps), parts: stored.parts });
    }
    await postgres.end();
  }
} finally {
  await client.end();
  await service.stop();
}

console.log(`${threads} thread(s) × ${steps} invokes per scenario and saver, durability "async" (LangGraph's default); latency of one \`graph.invoke\`, the first ${warmup} of each thread left out; storage = table + index + TOAST bytes after VACUUM, divided by the threads.\n`);
console.log("| scenario | saver | bytes stored per thread (KiB) | step p50 (ms) | step p99 (ms) | rows per step | samples |");
console.log("|---|---|---:|---:|---:|---:|---:|");
for (const r of results) {
  console.log(`| ${r.scenario} | ${r.saver} | ${kib(r.bytesPerThread)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.rowsPerStep.toFixed(2)} | ${r.samples} |`);
}
console.log("\nWhere the bytes are (all threads):\n");
for (const r of results) {
  console.log(`- ${r.scenario}, ${r.saver}: ${r.parts.join("; ")}`);
}
for (const scenario of scenarios) {
  const [pgRow, monolithRow] = results.filter((r) => r.scenario === scenario.name);
  console.log(`\n${scenario.name}: storage ${(monolithRow.bytesPerThread / pgRow.bytesPerThread).toFixed(2)}× the Postgres saver's, step p50 ${(monolithRow.p50 / pgRow.p50).toFixed(2)}×, p99 ${(monolithRow.p99 / pgRow.p99).toFixed(2)}×.`);
}

// What the conformance suite does not cover: the HTTP mapping itself.
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { emptyCheckpoint, uuid6 } from "@langchain/langgraph-checkpoint";
import { MonolithError, MonolithSaver } from "../src/index.js";

const service = inject("monolith");
const saver = () => new MonolithSaver({ url: service.url, apiKey: service.apiKey });

describe("MonolithSaver", () => {
  it("refuses to start without a URL or a key", () => {
    expect(() => new MonolithSaver({ apiKey: "k" })).toThrow(/URL/);
    expect(() => new MonolithSaver({ url: service.url })).toThrow(/key/);
  });

  it("surfaces a wrong key as a MonolithError with the problem details", async () => {
    const wrong = new MonolithSaver({ url: service.url, apiKey: "not-the-key-at-all" });
    const error = await wrong.getTuple({ configurable: { thread_id: "t" } }).catch((e) => e);
    expect(error).toBeInstanceOf(MonolithError);
    expect(error.status).toBe(401);
  });

  it("keeps thread ids with a slash apart from their percent-encoded form", async () => {
    const s = saver();
    const suffix = randomUUID();
    const slash = `user/${suffix}`;
    const encoded = `user%2F${suffix}`;
    await s.put({ configurable: { thread_id: slash } }, { ...emptyCheckpoint(), id: uuid6(-1) }, { source: "input", step: -1, parents: {} }, {});
    expect(await s.getTuple({ configurable: { thread_id: encoded } })).toBeUndefined();
    expect((await s.getTuple({ configurable: { thread_id: slash } }))?.config.configurable.thread_id).toBe(slash);
    await s.deleteThread(slash);
  });

  it("stores writes that arrive before their checkpoint", async () => {
    const s = saver();
    const thread = randomUUID();
    const id = uuid6(-1);
    await s.putWrites({ configurable: { thread_id: thread, checkpoint_ns: "", checkpoint_id: id } }, [["answer", 42]], "task-1", "~1");
    await s.put({ configurable: { thread_id: thread } }, { ...emptyCheckpoint(), id }, { source: "loop", step: 0, parents: {} }, {});
    expect((await s.getTuple({ configurable: { thread_id: thread } }))?.pendingWrites).toEqual([["task-1", "answer", 42]]);
    await s.deleteThread(thread);
  });

  it("mints channel versions that grow by one whole number and differ between forks", () => {
    const s = saver();
    const one = s.getNextVersion(undefined);
    const two = s.getNextVersion(one);
    expect(Math.floor(one)).toBe(1);
    expect(Math.floor(two)).toBe(2);
    expect(one).not.toBe(Math.floor(one));
    expect(String(one).length).toBeLessThanOrEqual(6);
    expect(new Set(Array.from({ length: 50 }, () => s.getNextVersion(one))).size).toBeGreaterThan(45);
    expect(Math.floor(s.getNextVersion(7))).toBe(8);
  });
});

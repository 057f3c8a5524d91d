import {
  BaseCheckpointSaver,
  TASKS,
  getCheckpointId,
  maxChannelVersion,
} from "@langchain/langgraph-checkpoint";

/** The most a list page may hold on the server. */
const MAX_PAGE = 200;

/** An error answer of the Monolith service (RFC 9457 problem details). */
export class MonolithError extends Error {
  /**
   * @param {number} status
   * @param {Record<string, unknown> | undefined} problem
   * @param {string} what
   */
  constructor(status, problem, what) {
    const detail = problem && typeof problem.detail === "string" ? problem.detail : `HTTP ${status}`;
    super(`${what}: ${detail}`);
    this.name = "MonolithError";
    this.status = status;
    this.problem = problem;
  }
}

/**
 * A LangGraph checkpointer that keeps checkpoints in a Monolith service. Every method is one HTTP call (a list is one
 * call per page of up to 200 checkpoints); the service does the storing, and values go through the saver's `serde`.
 */
export class MonolithSaver extends BaseCheckpointSaver {
  /**
   * @param {{ url: string, apiKey: string, fetch?: typeof fetch, serde?: import("@langchain/langgraph-checkpoint").SerializerProtocol }} options
   */
  constructor(options) {
    super(options?.serde);
    if (!options || typeof options.url !== "string" || options.url.length === 0) {
      throw new Error("MonolithSaver needs the service URL: new MonolithSaver({ url, apiKey })");
    }
    if (typeof options.apiKey !== "string" || options.apiKey.length === 0) {
      throw new Error("MonolithSaver needs the service key: new MonolithSaver({ url, apiKey })");
    }
    this.url = options.url.replace(/\/+$/, "");
    this.apiKey = options.apiKey;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  /**
   * A version is the next whole number plus a random four-digit fraction (LangGraph's Python Postgres saver adds a
   * random part too): a channel value is stored once per version, and the fraction keeps two forks of one thread
   * that reach the same count from naming different values alike (one chance in 9,999 that they still do). Versions
   * stay numbers, compared numerically by LangGraph, and four digits take no more room in PostgreSQL's numeric than
   * a whole number does.
   * @param {number | undefined} current
   * @returns {number}
   */
  getNextVersion(current) {
    const whole = current === undefined ? 1 : Math.floor(Number(current)) + 1;
    const fraction = 1 + Math.floor(Math.random() * 9_999);
    // Through a decimal string, so the number prints (and is stored) as exactly these digits.
    return Number(`${whole}.${String(fraction).padStart(4, "0")}`);
  }

  /** @param {import("@langchain/core/runnables").RunnableConfig} config */
  async getTuple(config) {
    const threadId = config.configurable?.thread_id;
    if (threadId === undefined || threadId === null) {
      return undefined;
    }
    const ns = config.configurable?.checkpoint_ns ?? "";
    const checkpointId = getCheckpointId(config);
    const path = `/api/threads/${segment(threadId)}/checkpoints/${checkpointId ? segment(checkpointId) : "latest"}?ns=${encodeURIComponent(ns)}`;
    const view = await this._call("GET", path, undefined, "getTuple", true);
    return view === undefined ? undefined : this._tuple(view);
  }

  /**
   * @param {import("@langchain/core/runnables").RunnableConfig} config
   * @param {import("@langchain/langgraph-checkpoint").CheckpointListOptions} [options]
   */
  async *list(config, options) {
    const { limit, before, filter } = options ?? {};
    const query = new URLSearchParams();
    const configurable = config?.configurable ?? {};
    if (configurable.thread_id !== undefined && configurable.thread_id !== null) query.set("threadId", String(configurable.thread_id));
    if (configurable.checkpoint_ns !== undefined && configurable.checkpoint_ns !== null) query.set("ns", String(configurable.checkpoint_ns));
    if (configurable.checkpoint_id) query.set("checkpointId", String(configurable.checkpoint_id));
    if (before?.configurable?.checkpoint_id) query.set("before", String(before.configurable.checkpoint_id));
    if (filter && Object.keys(filter).length > 0) query.set("metadata", JSON.stringify(filter));
    let remaining = limit === undefined || limit === null ? Infinity : limit;
    let cursor;
    while (remaining > 0) {
      query.set("limit", String(Math.min(remaining, MAX_PAGE)));
      if (cursor) query.set("cursor", cursor);
      const page = await this._call("GET", `/api/checkpoints?${query}`, undefined, "list");
      for (const view of page.items) {
        yield await this._tuple(view);
      }
      remaining -= page.items.length;
      cursor = page.nextCursor;
      if (!cursor) return;
    }
  }

  /**
   * Stores the checkpoint with the values of the channels in newVersions; the service keeps the others from earlier puts.
   * @param {import("@langchain/core/runnables").RunnableConfig} config
   * @param {import("@langchain/langgraph-checkpoint").Checkpoint} checkpoint
   * @param {import("@langchain/langgraph-checkpoint").CheckpointMetadata} metadata
   * @param {import("@langchain/langgraph-checkpoint").ChannelVersions} newVersions
   */
  async put(config, checkpoint, metadata, newVersions) {
    const threadId = requireThreadId(config, "put");
    const ns = config.configurable?.checkpoint_ns ?? "";
    const { channel_values: values = {}, ...skeleton } = checkpoint;
    const sent = {};
    for (const channel of Object.keys(newVersions ?? {})) {
      if (channel in values) sent[channel] = await this._dump(values[channel]);
    }
    const body = {
      parentId: config.configurable?.checkpoint_id || null,
      ns,
      checkpoint: { ...skeleton, channel_values: sent },
      metadata: JSON.parse(await this._dumpJson(metadata)),
    };
    await this._call("PUT", `/api/threads/${segment(threadId)}/checkpoints/${segment(checkpoint.id)}`, body, "put");
    return { configurable: { thread_id: threadId, checkpoint_ns: ns, checkpoint_id: checkpoint.id } };
  }

  /**
   * @param {import("@langchain/core/runnables").RunnableConfig} config
   * @param {import("@langchain/langgraph-checkpoint").PendingWrite[]} writes
   * @param {string} taskId
   * @param {string} [taskPath]
   */
  async putWrites(config, writes, taskId, taskPath) {
    const threadId = requireThreadId(config, "putWrites");
    const checkpointId = config.configurable?.checkpoint_id;
    if (!checkpointId) {
      throw new Error("putWrites needs config.configurable.checkpoint_id: writes belong to a checkpoint.");
    }
    const body = {
      taskId,
      taskPath: taskPath ?? "",
      ns: config.configurable?.checkpoint_ns ?? "",
      writes: await Promise.all(writes.map(async ([channel, value]) => ({ channel, value: await this._dump(value) }))),
    };
    await this._call("POST", `/api/threads/${segment(threadId)}/checkpoints/${segment(checkpointId)}/writes`, body, "putWrites");
  }

  /** @param {string} threadId */
  async deleteThread(threadId) {
    await this._call("DELETE", `/api/threads/${segment(threadId)}`, undefined, "deleteThread", true);
  }

  /** @param {any} view a checkpoint as the service answers it */
  async _tuple(view) {
    const { channel_values: stored = {}, ...skeleton } = view.checkpoint;
    const channelValues = {};
    for (const [channel, value] of Object.entries(stored)) {
      channelValues[channel] = await this._load(value);
    }
    const checkpoint = { ...skeleton, channel_versions: skeleton.channel_versions ?? {}, versions_seen: skeleton.versions_seen ?? {}, channel_values: channelValues };
    if (Array.isArray(view.pendingSends)) {
      // Checkpoints of format v < 4 kept the sends of their parent's tasks outside; LangGraph reads them as a channel.
      checkpoint.channel_values[TASKS] = await Promise.all(view.pendingSends.map((send) => this._load(send)));
      const versions = Object.values(checkpoint.channel_versions);
      checkpoint.channel_versions = {
        ...checkpoint.channel_versions,
        [TASKS]: versions.length > 0 ? maxChannelVersion(...versions) : this.getNextVersion(undefined),
      };
    }
    const configurable = { thread_id: view.threadId, checkpoint_ns: view.ns, checkpoint_id: view.checkpointId };
    const tuple = {
      config: { configurable },
      checkpoint,
      metadata: await this.serde.loadsTyped("json", JSON.stringify(view.metadata)),
      pendingWrites: await Promise.all(view.pendingWrites.map(async (w) => [w.taskId, w.channel, await this._load(w.value)])),
    };
    if (view.parentId) {
      tuple.parentConfig = { configurable: { thread_id: view.threadId, checkpoint_ns: view.ns, checkpoint_id: view.parentId } };
    }
    return tuple;
  }

  /**
   * A value as the service stores it: the serde's JSON text as a JSON string (the common case, and the smallest), or
   * `{ type, base64 }` for any other serde type.
   */
  async _dump(value) {
    const [type, bytes] = await this.serde.dumpsTyped(value);
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
    if (type === "json") {
      return new TextDecoder().decode(data);
    }
    return { type, base64: Buffer.from(data).toString("base64") };
  }

  async _load(stored) {
    if (typeof stored === "string") {
      return this.serde.loadsTyped("json", stored);
    }
    if (stored !== null && typeof stored === "object" && typeof stored.type === "string" && typeof stored.base64 === "string") {
      return this.serde.loadsTyped(stored.type, new Uint8Array(Buffer.from(stored.base64, "base64")));
    }
    // Written by another client as plain JSON: it is its own value.
    return stored;
  }

  async _dumpJson(value) {
    const [, bytes] = await this.serde.dumpsTyped(value);
    return typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes);
  }

  /**
   * One HTTP call. A 404 is `undefined` when `missingIsUndefined`; any other error answer throws MonolithError.
   * @returns {Promise<any>}
   */
  async _call(method, path, body, what, missingIsUndefined = false) {
    const response = await this.fetch(this.url + path, {
      method,
      headers: body === undefined
        ? { "X-Api-Key": this.apiKey, Accept: "application/json" }
        : { "X-Api-Key": this.apiKey, Accept: "application/json", "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 404 && missingIsUndefined) {
      await response.arrayBuffer();
      return undefined;
    }
    const text = await response.text();
    if (!response.ok) {
      let problem;
      try {
        problem = JSON.parse(text);
      } catch {
        problem = undefined;
      }
      throw new MonolithError(response.status, problem, `Monolith ${what} (${method} ${path.split("?")[0]})`);
    }
    return text.length === 0 ? undefined : JSON.parse(text);
  }
}

function requireThreadId(config, method) {
  const threadId = config?.configurable?.thread_id;
  if (threadId === undefined || threadId === null || threadId === "") {
    throw new Error(`${method} needs config.configurable.thread_id: pass { configurable: { thread_id } } to the graph.`);
  }
  return String(threadId);
}

/** A path segment; the service decodes it once, so "a/b" and "a%2Fb" stay two ids. */
function segment(value) {
  return encodeURIComponent(String(value));
}

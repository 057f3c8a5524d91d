import type { RunnableConfig } from "@langchain/core/runnables";
import {
  BaseCheckpointSaver,
  type ChannelVersions,
  type Checkpoint,
  type CheckpointListOptions,
  type CheckpointMetadata,
  type CheckpointTuple,
  type PendingWrite,
  type SerializerProtocol,
} from "@langchain/langgraph-checkpoint";

/** Options of a {@link MonolithSaver}. */
export interface MonolithSaverOptions {
  /** The service's base URL, such as `http://127.0.0.1:5080`. */
  url: string;
  /** The service key (`API_KEY`), sent as `X-Api-Key`. */
  apiKey: string;
  /** The fetch to use; the global one by default. */
  fetch?: typeof fetch;
  /** The serializer of channel values, writes and metadata; LangGraph's JsonPlusSerializer by default. */
  serde?: SerializerProtocol;
}

/** An error answer of the Monolith service, with its RFC 9457 problem details. */
export declare class MonolithError extends Error {
  readonly status: number;
  readonly problem: Record<string, unknown> | undefined;
}

/**
 * A LangGraph checkpointer that keeps checkpoints in a Monolith service: each method is one HTTP call.
 * Channel versions are numbers with a random four-digit fraction, so forks of one thread do not share a version.
 */
export declare class MonolithSaver extends BaseCheckpointSaver {
  constructor(options: MonolithSaverOptions);
  readonly url: string;
  getTuple(config: RunnableConfig): Promise<CheckpointTuple | undefined>;
  list(config: RunnableConfig, options?: CheckpointListOptions): AsyncGenerator<CheckpointTuple>;
  put(config: RunnableConfig, checkpoint: Checkpoint, metadata: CheckpointMetadata, newVersions: ChannelVersions): Promise<RunnableConfig>;
  putWrites(config: RunnableConfig, writes: PendingWrite[], taskId: string, taskPath?: string): Promise<void>;
  deleteThread(threadId: string): Promise<void>;
  getNextVersion(current: number | undefined): number;
}

// Starts the real Monolith service for the tests and the benchmark: a fresh database on the PostgreSQL cluster
// DATABASE_URL points at, the host built by `dotnet build -c Release`, on a free 127.0.0.1 port.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const hostDll = resolve(repoRoot, "src/Host/bin/Release/net10.0/Monolith.Host.dll");

/** The cluster URL from DATABASE_URL (postgres://user:pass@host:port/db), with another database name. */
export function databaseUrl(name) {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is not set: point it at the PostgreSQL cluster the tests may create databases on");
  const url = new URL(base);
  url.pathname = "/" + name;
  return url.toString();
}

/** Creates a uniquely named database and returns its name and URL. */
export async function createDatabase(prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { name, url: databaseUrl(name) };
}

export async function dropDatabase(name) {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts Monolith.Host on a fresh database and waits until /health/ready answers 200.
 * @returns {Promise<{ url: string, apiKey: string, adminKey: string, databaseUrl: string, stop: () => Promise<void> }>}
 */
export async function startMonolith({ prefix = "monolith_lgjs" } = {}) {
  if (!existsSync(hostDll)) {
    throw new Error(`${hostDll} is missing: build first (dotnet build Monolith.sln -c Release)`);
  }
  const database = await createDatabase(prefix);
  const port = await freePort();
  const apiKey = "svc-" + randomBytes(16).toString("hex");
  const adminKey = "adm-" + randomBytes(16).toString("hex");
  const child = spawn("dotnet", [hostDll], {
    cwd: repoRoot,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      API_KEY: apiKey,
      ADMIN_API_KEY: adminKey,
      PORT: String(port),
      BIND_ADDRESS: "127.0.0.1",
      LOG_FORMAT: "text",
      Logging__LogLevel__Default: "Warning",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => { output = (output + chunk).slice(-8000); });
  child.stderr.on("data", (chunk) => { output = (output + chunk).slice(-8000); });
  const exited = new Promise((resolveExit) => child.on("exit", (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await dropDatabase(database.name);
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      await dropDatabase(database.name);
      throw new Error(`Monolith.Host exited with ${child.exitCode} before it was ready:\n${output}`);
    }
    try {
      const ready = await fetch(`${url}/health/ready`);
      if (ready.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Monolith.Host was not ready within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, apiKey, adminKey, databaseUrl: database.url, stop };
}

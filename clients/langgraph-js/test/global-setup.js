import { startMonolith } from "./monolith-service.js";

/** One service for every test file; each test uses its own thread ids. */
export default async function setup({ provide }) {
  const service = await startMonolith();
  provide("monolith", { url: service.url, apiKey: service.apiKey, adminKey: service.adminKey, databaseUrl: service.databaseUrl });
  return () => service.stop();
}

import "server-only";
import { isPostgresUrl } from "../env";

/** The engine behind a Prisma client or transaction (DATABASE_URL when the client does not say). */
export function providerOf(client: object): "sqlite" | "postgresql" {
  const provider = (client as { _activeProvider?: string })._activeProvider;
  if (provider) return provider === "postgresql" ? "postgresql" : "sqlite";
  return isPostgresUrl(process.env.DATABASE_URL ?? "") ? "postgresql" : "sqlite";
}

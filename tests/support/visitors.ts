// The four kinds of visitor of the route-handler security tables (tests/security/*-routes.test.ts):
// a session per staff role, and the cookie jar set as one of them.
import { SESSION_COOKIE, createSession } from "../../src/server/auth/sessions";
import type { Db } from "../../src/server/db/client";
import { cookieJar } from "./next-request";

export type Who = "anonymous" | "TRANSLATOR" | "EDITOR" | "ADMIN";
export const WHO: Who[] = ["anonymous", "TRANSLATOR", "EDITOR", "ADMIN"];
export type Tokens = Record<Exclude<Who, "anonymous">, string>;

/** A session token for each staff account (from support/workbench.ts `staff()`). */
export async function sessionsOf(
  db: Db,
  who: { admin: { id: string }; editor: { id: string }; translator: { id: string } },
): Promise<Tokens> {
  return {
    ADMIN: (await createSession(db, who.admin.id)).token,
    EDITOR: (await createSession(db, who.editor.id)).token,
    TRANSLATOR: (await createSession(db, who.translator.id)).token,
  };
}

/** The next request comes from `who` (no session cookie when anonymous). */
export function actAs(tokens: Tokens, who: Who): void {
  cookieJar.clear();
  if (who !== "anonymous") cookieJar.set(SESSION_COOKIE, tokens[who]);
}

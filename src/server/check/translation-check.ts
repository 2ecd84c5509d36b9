import "server-only";
import { checkTranslation, isTermProblem, type Problem } from "@/domain/check/check";
import type { Prisma } from "../db/generated/sqlite/client";
import { glossaryIndex } from "../glossary/store";
import { getSetting } from "../settings";

// The check before "Mark as translated" (docs/TRANSLATION.md): shown to the translator first,
// computed again when marking, kept in the audit event, and blocking only for term problems when
// an administrator said so.

type Client = Prisma.TransactionClient;

/** How many problems the audit event keeps (the count is always exact). */
export const AUDIT_PROBLEMS = 100;

export interface CheckResult {
  problems: Problem[];
  /** term problems exist and the instance makes them blocking */
  blocking: boolean;
}

interface ContentRow {
  locale: string;
  title: string;
  summary: string;
  body: string;
}

export async function checkContents(db: Client, contents: readonly ContentRow[]): Promise<CheckResult> {
  const zh = contents.find((c) => c.locale === "zh");
  if (!zh) return { problems: [], blocking: false };
  const en = contents.find((c) => c.locale === "en") ?? null;
  const { index } = await glossaryIndex(db);
  const problems = checkTranslation(zh, en, index);
  const blocking = problems.some(isTermProblem) && (await getSetting(db, "termErrorsBlock"));
  return { problems, blocking };
}

export async function checkRelease(db: Client, releaseId: string): Promise<CheckResult | null> {
  const contents = await db.releaseContent.findMany({ where: { releaseId } });
  return contents.length ? checkContents(db, contents) : null;
}

/** What the audit event of a mark-translated keeps. */
export const auditedCheck = (check: CheckResult) => ({
  problems: check.problems.slice(0, AUDIT_PROBLEMS),
  total: check.problems.length,
});

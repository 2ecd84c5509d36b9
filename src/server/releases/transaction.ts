import "server-only";
import type { Actor } from "@/domain/auth/actor";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";
import { recordAudit as audit } from "../audit";
import { scheduleSearchMerge } from "../search";
import { ReleaseError, failure, success, type Result } from "./results";

// The transaction every release write runs in: version-checked, errors turned into result codes,
// the search index's pending changes merged after the commit.

export type Tx = Prisma.TransactionClient;
export type { Actor };
export { audit };

/**
 * Runs `work` in one transaction; after a commit, folds the search changes it made (if any) in the
 * background, unless `mergeSearch` is false (a bulk writer that brings the index up to date itself).
 */
export async function inTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  { mergeSearch = true } = {},
): Promise<Result<T>> {
  try {
    const value = await db.$transaction(work, { timeout: 15_000, maxWait: 10_000 });
    if (mergeSearch) scheduleSearchMerge(db);
    return success(value);
  } catch (error) {
    if (error instanceof ReleaseError) return failure(error.code, error.currentVersion);
    if (isUniqueViolation(error)) return failure("slug_taken");
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

/** Increments the version only if it is still `baseVersion`; otherwise the save is a conflict. */
export async function bumpVersion(tx: Tx, releaseId: string, baseVersion: number, status?: string) {
  const { count } = await tx.release.updateMany({
    where: { id: releaseId, version: baseVersion },
    data: { version: { increment: 1 }, ...(status ? { status: status as never } : {}) },
  });
  if (count === 1) return baseVersion + 1;
  const current = await tx.release.findUnique({ where: { id: releaseId }, select: { version: true } });
  throw current ? new ReleaseError("conflict", current.version) : new ReleaseError("not_found");
}

export async function loadForWrite(tx: Tx, releaseId: string) {
  const release = await tx.release.findUnique({ where: { id: releaseId }, include: { contents: true } });
  if (!release) throw new ReleaseError("not_found");
  return release;
}

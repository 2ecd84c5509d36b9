import "server-only";
import { can } from "@/domain/auth/permissions";
import type { Actor } from "@/domain/auth/actor";
import { paths } from "@/domain/public/urls";
import { fail, ok, type Result } from "@/domain/result";
import { convertDocJson } from "@/domain/hant/doc";
import { contentLocaleOf, type Locale } from "@/i18n/settings";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";
import { textsFor } from "../hant/edition";
import { createEmbargoDispatch } from "./enqueue";
import { hashToken, isTokenShape } from "./tokens";

// Embargoed early access: a journalist's private link shows a release scheduled for later. Only a
// valid, unrevoked token of a release that is still scheduled opens it; every opening is logged.
// Once the embargo has lifted the link sends to the public article.

export type EmbargoView =
  | { kind: "none" }
  | { kind: "public"; href: string }
  | {
      kind: "early";
      until: Date;
      title: string;
      summary: string;
      body: string;
      releaseDate: Date | null;
    };

export async function openEmbargoed(
  db: Db,
  token: unknown,
  locale: Locale,
  visitor: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<EmbargoView> {
  const source = contentLocaleOf(locale);
  if (!isTokenShape(token)) return { kind: "none" };
  const grant = await db.embargoGrant.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!grant || grant.revokedAt) return { kind: "none" };
  const pub = await db.publication.findUnique({
    where: { releaseId_locale: { releaseId: grant.releaseId, locale: source } },
    include: { release: { select: { releaseDate: true } } },
  });
  if (!pub) return { kind: "none" };
  if (pub.publishedAt <= now) return { kind: "public", href: paths.article(locale, pub.slug) };
  await db.embargoAccess.create({
    data: {
      grantId: grant.id,
      at: now,
      ip: visitor.ip?.slice(0, 64) ?? null,
      userAgent: visitor.userAgent?.slice(0, 300) ?? null,
    },
  });
  const t = await textsFor(locale); // the Traditional edition, converted like the public page
  return {
    kind: "early",
    until: pub.publishedAt,
    title: t(pub.title),
    summary: t(pub.summary),
    body: source === locale ? pub.body : convertDocJson(pub.body, t),
    releaseDate: pub.release.releaseDate,
  };
}

export async function sendEmbargoLinks(
  db: Db,
  actor: Actor,
  releaseId: string,
  listIds: string[],
  now = new Date(),
): Promise<Result<null>> {
  if (!can(actor.role, "distribution.send")) return fail("forbidden");
  const pub = await db.publication.findFirst({ where: { releaseId }, select: { publishedAt: true } });
  if (!pub) return fail("not_published");
  if (pub.publishedAt <= now) return fail("not_embargoed");
  const lists = await db.journalistList.count({ where: { id: { in: listIds } } });
  if (lists !== listIds.length || lists === 0) return fail("list_not_found");
  await db.$transaction(async (tx) => {
    await createEmbargoDispatch(tx, releaseId, listIds, actor.id, now);
    await recordAudit(tx, { actorId: actor.id, action: "distribution.embargo_sent", releaseId, detail: { listIds } });
  });
  return ok(null);
}

export async function revokeGrant(db: Db, actor: Actor, grantId: string, now = new Date()): Promise<Result<null>> {
  if (!can(actor.role, "distribution.send")) return fail("forbidden");
  const { count } = await db.embargoGrant.updateMany({
    where: { id: grantId, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) return fail("not_found");
  const grant = await db.embargoGrant.findUniqueOrThrow({ where: { id: grantId } });
  await recordAudit(db, {
    actorId: actor.id,
    action: "distribution.embargo_revoked",
    releaseId: grant.releaseId,
    targetId: grantId,
  });
  return ok(null);
}

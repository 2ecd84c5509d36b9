import "server-only";
import type { ContentLocale } from "@/i18n/settings";
import { randomBytes } from "node:crypto";
import { can } from "@/domain/auth/permissions";
import type { ContentInput } from "@/domain/release/schemas";
import { transition, type ReleaseState, type WorkflowAction } from "@/domain/release/workflow";
import type { Source } from "../search/documents";
import { ReleaseError } from "../releases/results";
import { translationState } from "../releases/state";
import type { Actor } from "../releases/transaction";
import { toStored } from "../releases/write";

// The rows a new release ends up with after create → translate → mark translated → publish,
// computed in memory with the same decisions (transition()) and the same stored shapes (toStored)
// as those operations, so that many releases can be written with one statement per table.
// tests/int/ops/text-import-rows.int.test.ts checks they equal what the operations write.

export interface NewRelease {
  actor: Actor;
  zh: ContentInput;
  en?: ContentInput;
  publishAt?: Date;
  releaseDate: Date | null;
}

export const newId = () => `c${Date.now().toString(36)}${randomBytes(9).toString("hex")}`;

/** The workflow's decision, or the operation's error. */
function decide(state: ReleaseState, action: WorkflowAction, actor: Actor) {
  const decision = transition(state, action, actor);
  if (!decision.ok) throw new ReleaseError(decision.code);
  return decision.next.status;
}

function contentRows(releaseId: string, locale: ContentLocale, input: ContentInput, authorId: string, now: Date) {
  const stored = toStored(input);
  const source = { sourceFingerprint: null as string | null, sourceRevisionId: null as string | null };
  return {
    stored,
    // every row with the same columns in the same order (one INSERT for all of them)
    content: { id: newId(), releaseId, locale, ...stored, ...source, updatedAt: now },
    revision: { id: newId(), releaseId, locale, number: 1, authorId, ...stored, createdAt: now },
  };
}

interface Audit {
  id: string;
  actorId: string;
  action: string;
  releaseId: string;
  fromStatus: string | null;
  toStatus: string;
  detail: string | null;
  createdAt: Date;
}

export function newReleaseRows(r: NewRelease, now: Date) {
  if (!can(r.actor.role, "release.create")) throw new ReleaseError("forbidden");
  const id = newId();
  const authorId = r.actor.id;
  const zh = contentRows(id, "zh", r.zh, authorId, now);
  const state: ReleaseState = { status: "DRAFT", originalFingerprint: zh.stored.fingerprint, translation: null };
  const contents = [zh.content];
  const revisions = [zh.revision];
  // The release's audit events share its time; their ids keep them in order ("createdAt", "id").
  const auditId = (n: number) => `${id}a${n}`;
  const audits: Audit[] = [
    {
      id: auditId(0),
      actorId: authorId,
      action: "release.created",
      releaseId: id,
      fromStatus: null,
      toStatus: "DRAFT",
      detail: null,
      createdAt: now,
    },
  ];
  let version = 1;
  if (r.en) {
    const en = contentRows(id, "en", r.en, authorId, now);
    const source = { sourceFingerprint: zh.stored.fingerprint, sourceRevisionId: zh.revision.id };
    state.translation = translationState({ ...en.stored, locale: "en", sourceFingerprint: source.sourceFingerprint });
    state.status = decide(state, { type: "editTranslation", translation: state.translation! }, r.actor);
    version += 1;
    contents.push({ ...en.content, ...source });
    revisions.push(en.revision);
  }
  if (r.publishAt) {
    const at = r.publishAt;
    for (const action of [{ type: "markTranslated" }, { type: "publish", at, now }] as WorkflowAction[]) {
      const next = decide(state, action, r.actor);
      const detail = action.type === "publish" ? JSON.stringify({ at: at.toISOString() }) : null;
      audits.push({
        id: auditId(audits.length),
        actorId: authorId,
        action: `release.${action.type}`,
        releaseId: id,
        fromStatus: state.status,
        toStatus: next,
        detail,
        createdAt: now,
      });
      state.status = next;
      version += 1;
    }
  }
  const publications = r.publishAt ? contents.map((c) => liveRow(c, r.publishAt!, now)) : [];
  const release = {
    id,
    status: state.status,
    version,
    authorId,
    categoryId: null,
    releaseDate: r.releaseDate,
    featured: false,
    createdAt: now,
    updatedAt: now,
  };
  return { release, contents, revisions, publications, audits, sources: sourcesOf(contents, publications, now) };
}

function liveRow(
  c: {
    releaseId: string;
    locale: ContentLocale;
    title: string;
    summary: string;
    body: string;
    bodyText: string;
    slug: string;
  },
  at: Date,
  now: Date,
) {
  const { releaseId, locale, title, summary, body, bodyText, slug } = c;
  return {
    id: newId(),
    releaseId,
    locale,
    title,
    summary,
    body,
    bodyText,
    slug,
    categoryId: null,
    featured: false,
    publishedAt: at,
    updatedAt: now,
  };
}

type Texts = { releaseId: string; locale: ContentLocale; title: string; summary: string; bodyText: string };

/** The search documents the operations' index syncs would write: working copies and live snapshots. */
function sourcesOf(contents: Texts[], publications: (Texts & { publishedAt: Date })[], now: Date): Source[] {
  const pick = ({ releaseId, locale, title, summary, bodyText }: Texts) => ({
    releaseId,
    locale,
    title,
    summary,
    bodyText,
  });
  return [
    ...contents.map((c) => ({ kind: "work" as const, ...pick(c), sortAt: now.getTime() })),
    ...publications.map((p) => ({ kind: "live" as const, ...pick(p), sortAt: p.publishedAt.getTime() })),
  ];
}

import "server-only";
import { textToDoc } from "@/domain/release/content";
import type { ContentInput } from "@/domain/release/schemas";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { createRelease, runWorkflow, saveContent } from "../releases/lifecycle";
import type { Result } from "../releases/results";
import type { Actor } from "../releases/transaction";
import { bumpGlossaryVersion } from "../glossary/store";
import { termKey } from "@/domain/glossary/terms";
import {
  DEMO_CATEGORIES,
  DEMO_GLOSSARY,
  DEMO_RELEASES,
  DEMO_USERS,
  SAMPLE_RELEASE,
  type DemoText,
} from "./demo-content";

// The demo seed goes through the same release operations as the app, so its data obeys the workflow.

const input = (t: DemoText): ContentInput => ({
  title: t.title,
  summary: t.summary,
  slug: t.slug,
  body: JSON.stringify(textToDoc(t.paragraphs.join("\n\n"))),
});

function unwrap<T>(result: Result<T>, step: string): T {
  if (!result.ok) throw new Error(`demo seed: ${step} failed with ${result.code}`);
  return result.value;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const [users, releases] = await Promise.all([db.user.count(), db.release.count()]);
  return users === 0 && releases === 0;
}

/**
 * Seeds demo accounts (all with `password`), categories and releases in every workflow state.
 * Returns false if the database has data.
 */
export async function seedDemo(db: Db, password: string, now = new Date()): Promise<boolean> {
  if (!(await isEmpty(db))) return false;
  const passwordHash = await hashPassword(password);
  const users: Record<string, Actor> = {};
  for (const u of DEMO_USERS) {
    const user = await db.user.create({ data: { ...u, passwordHash } });
    users[u.role] = { id: user.id, role: u.role };
  }
  const editor = users.EDITOR!;
  const translator = users.TRANSLATOR!;
  const [pressReleases, international] = await Promise.all(
    DEMO_CATEGORIES.map((c) => db.category.create({ data: c, select: { id: true } })),
  );
  if (!pressReleases || !international) throw new Error("demo seed: categories");

  async function release(
    r: { zh: DemoText; en?: DemoText; date?: string },
    categoryId: string,
    steps: { translate?: boolean; publishAt?: Date; editZh?: DemoText; featured?: boolean },
  ) {
    const releaseDate = r.date ? new Date(r.date) : (steps.publishAt ?? null);
    const meta = { categoryId, releaseDate, featured: steps.featured };
    const created = unwrap(await createRelease(db, editor, input(r.zh), meta), "create");
    const id = created.id;
    let version = created.version;
    if (r.en) {
      version = unwrap(await saveContent(db, translator, id, "en", input(r.en), version), "translate").version;
    }
    if (steps.translate) {
      version = unwrap(await runWorkflow(db, translator, id, { type: "markTranslated" }, version, now), "mark").version;
    }
    if (steps.publishAt) {
      const command = { type: "publish" as const, at: steps.publishAt };
      version = unwrap(await runWorkflow(db, editor, id, command, version, now), "publish").version;
    }
    if (steps.editZh) unwrap(await saveContent(db, editor, id, "zh", input(steps.editZh), version), "edit");
    return id;
  }

  const d = DEMO_RELEASES;
  await release(SAMPLE_RELEASE, international.id, {
    translate: true,
    publishAt: new Date(SAMPLE_RELEASE.date),
    featured: true,
  });
  await release(d.publishedCooperation, pressReleases.id, {
    translate: true,
    publishAt: new Date(d.publishedCooperation.date),
  });
  await release(d.publishedEditedAfter, international.id, {
    translate: true,
    publishAt: new Date(d.publishedEditedAfter.date),
    editZh: d.publishedEditedAfter.zhEdited,
  });
  await release(d.translatedAwaiting, pressReleases.id, { translate: true });
  const embargoUntil = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
  await release(d.embargoed, international.id, { translate: true, publishAt: embargoUntil });
  await release(d.draftNoEnglish, pressReleases.id, {});
  // A press list to try distribution with: mail goes to the local outbox (/admin/mail) without SMTP_URL.
  await db.journalistList.create({
    data: {
      name: "演示媒体名单 Demo press list",
      journalists: {
        create: [
          { email: "reporter.zh@example.com", name: "李记者", organisation: "示例日报", language: "zh" },
          { email: "reporter.en@example.com", name: "Alex Reporter", organisation: "Example Wire", language: "en" },
        ],
      },
    },
  });
  for (const g of DEMO_GLOSSARY) {
    const data = { ...g, approved: JSON.stringify(g.approved), forbidden: JSON.stringify(g.forbidden) };
    await db.glossaryTerm.create({ data: { ...data, termKey: termKey(g.term), updatedById: editor.id } });
  }
  await bumpGlossaryVersion(db);
  return true;
}

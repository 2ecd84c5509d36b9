// The library: uses by release and language, the unused filter, and who may delete what (issue 11,
// point 13): editors and administrators any unused media, translators their own; media an earlier
// revision shows is used, so restoring that revision never brings back a broken image.
import { beforeEach, describe, expect, test } from "vitest";
import { listMedia } from "../../../src/server/media/library";
import { mediaUses } from "../../../src/server/media/references";
import { deleteMedia } from "../../../src/server/media/service";
import { restoreRevision, saveContent } from "../../../src/server/releases/lifecycle";
import {
  db,
  fetchFile,
  freshPeople,
  imageDoc,
  png,
  releaseWith,
  storedKeys,
  upload,
  type Backend,
  type People,
} from "./helpers";

export function librarySuite(backend: Backend) {
  let people: People;
  describe(`media library on ${backend.name}`, () => {
    beforeEach(async () => {
      people = await freshPeople();
    });

    /** Saves the Chinese original of `releaseId` without any image (a new revision). */
    async function dropImages(releaseId: string, version: number) {
      const zh = await db.releaseContent.findFirstOrThrow({ where: { releaseId, locale: "zh" } });
      const saved = await saveContent(db, people.editor, releaseId, "zh", { ...zh, body: imageDoc("无图") }, version);
      if (!saved.ok) throw new Error(saved.code);
      return saved.value.version;
    }

    describe(`library (${backend.name})`, () => {
      test(
        "uses are listed per release and language; unused lists only media nothing shows",
        { timeout: 90_000 },
        async () => {
          const store = backend.store();
          const [a, b, c, d, e] = await Promise.all(
            [1, 2, 3, 4, 5].map(async () => upload(store, people.editor, await png(600, 400))),
          );
          const liveRelease = await releaseWith(people.editor, "live", a!);
          await releaseWith(people.editor, "draft", b!);
          await releaseWith(people.editor, "embargoed", c!);
          const old = await releaseWith(people.editor, "draft", e!);
          await dropImages(old.id, old.version); // e now only in revision 1 of the Chinese

          const usage = await mediaUses(db, [a!.id, b!.id, c!.id, d!.id, e!.id]);
          const kinds = (id: string) => (usage.get(id) ?? []).map((u) => `${u.locale}:${u.kind}`).sort();
          expect(kinds(a!.id)).toEqual(["en:live", "en:working", "zh:live", "zh:working"]);
          expect(usage.get(a!.id)![0]!.releaseId).toBe(liveRelease.id);
          expect(kinds(c!.id)).toContain("zh:scheduled");
          expect(kinds(e!.id)).toEqual(["en:working", "zh:revision"]);
          expect(usage.has(d!.id)).toBe(false);

          const all = await listMedia(db);
          expect(all.total).toBe(5);
          expect(all.items.find((m) => m.id === a!.id)!.uploader).toBe("e@media.test");
          const unused = await listMedia(db, { unusedOnly: true });
          expect(unused.items.map((m) => m.id)).toEqual([d!.id]);
        },
      );

      test("media only an earlier revision shows cannot be deleted; restoring that revision shows it again", async () => {
        const store = backend.store();
        const media = await upload(store, people.editor, await png(600, 400));
        const r = await releaseWith(people.editor, "draft", media);
        let version = await dropImages(r.id, r.version);
        const en = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "en" } });
        const saved = await saveContent(db, people.editor, r.id, "en", { ...en, body: imageDoc("none") }, version);
        if (!saved.ok) throw new Error(saved.code);
        version = saved.value.version;
        expect(await db.contentMedia.count()).toBe(0); // no working copy shows it any more

        expect(await deleteMedia(db, people.editor, media.id, store)).toEqual({ ok: false, code: "media_in_use" });
        const first = await db.revision.findFirstOrThrow({ where: { releaseId: r.id, locale: "zh", number: 1 } });
        const restored = await restoreRevision(db, people.editor, r.id, first.id, version);
        expect(restored.ok).toBe(true);
        const zh = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "zh" } });
        expect(zh.body).toContain(`/media/${media.id}/`);
        expect((await fetchFile(media.id, "original.png")).status).toBe(404); // private: a draft
        expect(await db.media.count()).toBe(1);
      });

      test("translators delete only their own unused media; editors and administrators any", async () => {
        const store = backend.store();
        const mine = await upload(store, people.translator, await png(600, 400));
        const theirs = await upload(store, people.editor, await png(600, 400));
        const another = await upload(store, people.translator, await png(600, 400));
        expect(await deleteMedia(db, people.translator, theirs.id, store)).toEqual({ ok: false, code: "forbidden" });
        expect(await deleteMedia(db, null, mine.id, store)).toEqual({ ok: false, code: "forbidden" });
        expect(await db.media.count()).toBe(3);

        const key = (await db.media.findUniqueOrThrow({ where: { id: mine.id } })).storageKey;
        expect(await deleteMedia(db, people.translator, mine.id, store)).toEqual({ ok: true, value: null });
        expect(await storedKeys(store, `${key}/`)).toEqual([]);
        expect(await deleteMedia(db, people.editor, theirs.id, store)).toEqual({ ok: true, value: null });
        expect(await deleteMedia(db, people.admin, another.id, store)).toEqual({ ok: true, value: null });
        expect(await deleteMedia(db, people.editor, theirs.id, store)).toEqual({ ok: false, code: "media_not_found" });
      });

      test("used media cannot be deleted, by anyone", async () => {
        const store = backend.store();
        const used = await upload(store, people.editor, await png(600, 400));
        await releaseWith(people.editor, "draft", used);
        for (const actor of [people.editor, people.admin]) {
          expect(await deleteMedia(db, actor, used.id, store)).toEqual({ ok: false, code: "media_in_use" });
        }
        const row = await db.media.findUniqueOrThrow({ where: { id: used.id } });
        expect((await storedKeys(store, `${row.storageKey}/`)).length).toBeGreaterThan(0);
        // The database refuses it too (foreign keys of the use tables), whatever the code checks first.
        await expect(db.media.delete({ where: { id: used.id } })).rejects.toMatchObject({ code: "P2003" });
      });
    });
  });
}

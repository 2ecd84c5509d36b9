// Who may fetch a media file (docs/SECURITY.md "Media"): readers only while a live publication
// shows it, staff always; on every backend.
import { beforeEach, describe, expect, test } from "vitest";
import { SESSION_COOKIE } from "../../../src/server/auth/sessions";
import { isLiveMedia } from "../../../src/server/media/references";
import { runWorkflow, saveContent } from "../../../src/server/releases/lifecycle";
import { cookieJar } from "../../support/next-request";
import { db, fetchFile, freshPeople, imageDoc, png, releaseWith, upload, type Backend, type People } from "./helpers";

export function accessSuite(backend: Backend) {
  let people: People;
  describe(`media access on ${backend.name}`, () => {
    beforeEach(async () => {
      people = await freshPeople();
    });

    describe(`who may fetch a media file (${backend.name})`, () => {
      test("live vs draft-only vs embargoed vs withdrawn vs unused", { timeout: 90_000 }, async () => {
        const store = backend.store();
        const [live, draft, embargoed, unused, withdrawn] = await Promise.all(
          [1, 2, 3, 4, 5].map(async () => upload(store, people.editor, await png(1000, 500))),
        );
        await releaseWith(people.editor, "live", live!);
        await releaseWith(people.editor, "draft", draft!);
        await releaseWith(people.editor, "embargoed", embargoed!);
        const w = await releaseWith(people.editor, "live", withdrawn!);
        expect((await runWorkflow(db, people.editor, w.id, { type: "withdraw" }, w.version)).ok).toBe(true);

        const ok = await fetchFile(live!.id, "original.png");
        expect(ok.status).toBe(200);
        expect(ok.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        expect(ok.headers.get("content-type")).toBe("image/png");
        expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
        const body = Buffer.from(await ok.arrayBuffer());
        expect(body.subarray(1, 4).toString()).toBe("PNG");
        expect(body.length).toBe(live!.bytes);
        const variant = await fetchFile(live!.id, "w480.webp");
        expect([variant.status, variant.headers.get("content-type")]).toEqual([200, "image/webp"]);

        for (const m of [draft!, embargoed!, unused!, withdrawn!]) {
          const r = await fetchFile(m.id, "original.png");
          expect(r.status, m.id).toBe(404);
          expect(r.headers.get("cache-control")).toBe("no-store");
          expect((await fetchFile(m.id, "w480.webp")).status).toBe(404);
        }
        expect(await isLiveMedia(db, embargoed!.id, new Date(Date.now() + 7200e3))).toBe(true);

        cookieJar.set(SESSION_COOKIE, people.editorToken);
        for (const m of [live!, draft!, embargoed!, unused!]) {
          const r = await fetchFile(m.id, "original.png");
          expect(r.status).toBe(200);
          expect(r.headers.get("cache-control")).toBe("private, no-store");
        }
      });

      test("republishing without the image makes it private again; an old revision does not make it public", async () => {
        const store = backend.store();
        const media = await upload(store, people.editor, await png(600, 400));
        const r = await releaseWith(people.editor, "live", media);
        expect((await fetchFile(media.id, "original.png")).status).toBe(200);
        let version = r.version;
        for (const locale of ["zh", "en"] as const) {
          const c = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale } });
          const zh = await db.releaseContent.findFirstOrThrow({ where: { releaseId: r.id, locale: "zh" } });
          const input = { ...c, body: imageDoc(locale === "zh" ? "无图正文" : "No image") };
          const saved = await saveContent(db, people.editor, r.id, locale, input, version, {
            sourceFingerprint: zh.fingerprint,
          });
          if (!saved.ok) throw new Error(saved.code);
          version = saved.value.version;
        }
        expect((await fetchFile(media.id, "original.png")).status).toBe(200); // the live snapshot still shows it
        const republished = await runWorkflow(db, people.editor, r.id, { type: "publish" }, version);
        expect(republished.ok).toBe(true);
        expect((await fetchFile(media.id, "original.png")).status).toBe(404);
        expect(await isLiveMedia(db, media.id)).toBe(false);
      });

      test.each([
        ["an unknown id", "ffffffffffffffffffffffff", "original.png"],
        ["a malformed id", "../../etc", "original.png"],
        ["a traversal file name", "ID", "..%2F..%2Fpasswd"],
        ["a variant wider than the original", "ID", "w1600.webp"],
        ["the wrong extension", "ID", "original.jpg"],
      ])("%s → 404 even for staff", async (_name, id, file) => {
        const media = await upload(backend.store(), people.editor, await png(1000, 500));
        cookieJar.set(SESSION_COOKIE, people.editorToken);
        expect((await fetchFile(id === "ID" ? media.id : id, file)).status).toBe(404);
      });
    });
  });
}

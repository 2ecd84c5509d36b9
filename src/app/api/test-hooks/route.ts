import { z } from "zod";
import { revalidatePublicContent } from "@/server/cache-tags";
import { db } from "@/server/db";
import { runWorkflow } from "@/server/releases/lifecycle";

// End-to-end tests only: runs a workflow command in the server process, exactly as the admin's
// publish/withdraw actions do (write, then revalidatePublicContent), so the tests can observe
// cache invalidation. Does not exist unless NEWSROOM_TEST_HOOKS=1 (set by playwright.config.ts).
export const dynamic = "force-dynamic";

const bodySchema = z.object({
  action: z.enum(["publish", "withdraw", "markTranslated"]),
  slug: z.string().min(1),
  at: z.iso.datetime().optional(),
});

export async function POST(request: Request) {
  if (process.env.NEWSROOM_TEST_HOOKS !== "1") return new Response("Not found", { status: 404 });
  const parsed = bodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ ok: false, code: "bad_request" }, { status: 400 });
  const { action, slug, at } = parsed.data;
  const content = await db().releaseContent.findFirst({ where: { locale: "zh", slug }, include: { release: true } });
  const admin = await db().user.findFirst({ where: { role: "ADMIN", disabled: false } });
  if (!content || !admin) return Response.json({ ok: false, code: "not_found" }, { status: 404 });
  const command = action === "publish" ? { type: action, at: at ? new Date(at) : null } : { type: action };
  const result = await runWorkflow(db(), { id: admin.id, role: "ADMIN" }, content.releaseId, command, content.release.version);
  if (result.ok) revalidatePublicContent();
  return Response.json(result, { status: result.ok ? 200 : 409 });
}

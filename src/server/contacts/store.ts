import "server-only";
import type { Actor } from "@/domain/auth/actor";
import { can } from "@/domain/auth/permissions";
import { MAX_RELEASE_CONTACTS, type Contact, type ContactInput } from "@/domain/contacts/contact";
import { fail, ok, type Result } from "@/domain/result";
import { recordAudit } from "../audit";
import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/sqlite/client";

// The press contacts address book and the contacts a release names (docs/PRESS-KIT.md). Editors
// and administrators manage both; every change is audited. What the public sees is the snapshot
// publishing takes (contactsSnapshot), so editing a contact changes no live page.

type Client = Prisma.TransactionClient;
export const CONTACTS_PAGE_SIZE = 50;
const FIELDS = { id: true, nameZh: true, nameEn: true, titleZh: true, titleEn: true, phone: true, email: true };

export async function listContacts(db: Db, page: number) {
  const [items, total] = await Promise.all([
    db.pressContact.findMany({
      select: FIELDS,
      orderBy: [{ nameZh: "asc" }, { id: "asc" }],
      skip: (page - 1) * CONTACTS_PAGE_SIZE,
      take: CONTACTS_PAGE_SIZE,
    }),
    db.pressContact.count(),
  ]);
  return { items: items as Contact[], total, pages: Math.max(1, Math.ceil(total / CONTACTS_PAGE_SIZE)) };
}

export async function saveContact(
  db: Db,
  actor: Actor | null,
  id: string | null,
  input: ContactInput,
): Promise<Result<{ id: string }>> {
  if (!actor || !can(actor.role, "contacts.manage")) return fail("forbidden");
  return db.$transaction(async (tx) => {
    if (id && !(await tx.pressContact.findUnique({ where: { id }, select: { id: true } }))) {
      return fail("contact_not_found");
    }
    const row = id
      ? await tx.pressContact.update({ where: { id }, data: input })
      : await tx.pressContact.create({ data: input });
    await recordAudit(tx, { actorId: actor.id, action: id ? "contact.updated" : "contact.created", targetId: row.id });
    return ok({ id: row.id });
  });
}

/** Deleting a contact removes it from working copies; live pages keep their snapshot until republished. */
export async function deleteContact(db: Db, actor: Actor | null, id: string): Promise<Result<null>> {
  if (!actor || !can(actor.role, "contacts.manage")) return fail("forbidden");
  return db.$transaction(async (tx) => {
    const { count } = await tx.pressContact.deleteMany({ where: { id } });
    if (count === 0) return fail("contact_not_found");
    await recordAudit(tx, { actorId: actor.id, action: "contact.deleted", targetId: id });
    return ok(null);
  });
}

/** The contacts a release's working copy names, in order. */
export async function contactsOfRelease(db: Client, releaseId: string): Promise<Contact[]> {
  const rows = await db.releaseContact.findMany({
    where: { releaseId },
    orderBy: { position: "asc" },
    select: { contact: { select: FIELDS } },
  });
  return rows.map((r) => r.contact);
}

/** Names `contactId` on the release (at the end) or removes it; editors and administrators only. */
export async function setReleaseContact(
  db: Db,
  actor: Actor | null,
  releaseId: string,
  contactId: string,
  named: boolean,
): Promise<Result<null>> {
  if (!actor || !can(actor.role, "original.write")) return fail("forbidden");
  return db.$transaction(async (tx) => {
    if (!(await tx.release.findUnique({ where: { id: releaseId }, select: { id: true } }))) return fail("not_found");
    const where = { releaseId_contactId: { releaseId, contactId } };
    if (!named) {
      const { count } = await tx.releaseContact.deleteMany({ where: { releaseId, contactId } });
      if (count === 0) return fail("contact_not_found");
    } else {
      if (!(await tx.pressContact.findUnique({ where: { id: contactId }, select: { id: true } }))) {
        return fail("contact_not_found");
      }
      if (await tx.releaseContact.findUnique({ where })) return ok(null);
      const current = await tx.releaseContact.aggregate({
        where: { releaseId },
        _max: { position: true },
        _count: true,
      });
      if (current._count >= MAX_RELEASE_CONTACTS) return fail("contacts_too_many");
      await tx.releaseContact.create({ data: { releaseId, contactId, position: (current._max.position ?? 0) + 1 } });
    }
    const action = named ? "release.contact_added" : "release.contact_removed";
    await recordAudit(tx, { actorId: actor.id, action, releaseId, targetId: contactId });
    return ok(null);
  });
}

/** Every contact, for the release page's picker (an address book, not an archive: bounded). */
export async function contactChoices(db: Db): Promise<Contact[]> {
  return db.pressContact.findMany({ select: FIELDS, orderBy: [{ nameZh: "asc" }, { id: "asc" }], take: 1000 });
}

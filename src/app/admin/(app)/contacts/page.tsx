import Link from "next/link";
import { notFound } from "next/navigation";
import { ContactForm, DeleteContactButton } from "@/components/admin/presskit/contact-forms";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { listContacts } from "@/server/contacts/store";
import { db } from "@/server/db";

/** The press contacts address book (editors and administrators). */
export default async function ContactsPage({ searchParams }: PageProps<"/admin/contacts">) {
  const user = await requirePermission("contacts.manage");
  const t = getT(user.locale, "presskit");
  const raw = (await searchParams).page;
  const page = typeof raw === "string" ? Number(raw) : 1;
  if (!Number.isInteger(page) || page < 1 || page > 10_000) notFound();
  const { items, total, pages } = await listContacts(db(), page);
  return (
    <>
      <h1>{t("contacts.title")}</h1>
      <p className="hint">{t("contacts.intro")}</p>
      <table>
        <caption>{t("contacts.caption", { count: total, page, pages })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("contacts.nameZh")}</th>
            <th scope="col">{t("contacts.nameEn")}</th>
            <th scope="col">{t("contacts.phone")}</th>
            <th scope="col">{t("contacts.email")}</th>
            <th scope="col">{t("contacts.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" lang="zh-CN">
                {c.nameZh}
                {c.titleZh && <span className="hint"> {c.titleZh}</span>}
              </th>
              <td lang="en">
                {c.nameEn}
                {c.titleEn && <span className="hint"> {c.titleEn}</span>}
              </td>
              <td>{c.phone}</td>
              <td>{c.email}</td>
              <td>
                <details>
                  <summary aria-label={t("contacts.editLabel", { name: c.nameZh })}>{t("contacts.edit")}</summary>
                  <ContactForm contact={c} />
                </details>
                <DeleteContactButton contact={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length === 0 && <p>{t("contacts.empty")}</p>}
      {pages > 1 && (
        <nav aria-label={t("contacts.pages")}>
          {page > 1 && <Link href={`/admin/contacts?page=${page - 1}`}>{t("contacts.previous")}</Link>}{" "}
          {page < pages && <Link href={`/admin/contacts?page=${page + 1}`}>{t("contacts.next")}</Link>}
        </nav>
      )}
      <section className="panel" aria-labelledby="new-contact-h">
        <h2 id="new-contact-h">{t("contacts.addTitle")}</h2>
        <ContactForm />
      </section>
    </>
  );
}

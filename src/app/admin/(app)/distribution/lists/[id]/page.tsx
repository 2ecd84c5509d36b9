import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/distribution/admin/action-form";
import { AddJournalistForm, ImportForm } from "@/components/distribution/admin/list-forms";
import { formatDate } from "@/i18n/format";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { deleteListAction, removeJournalistAction } from "@/server/distribution/actions";
import { listMembers } from "@/server/distribution/queries";
import { env } from "@/server/env";

// One journalist list: its members a page at a time, adding one, importing a CSV, deleting the list.
export default async function ListPage({ params, searchParams }: PageProps<"/admin/distribution/lists/[id]">) {
  const me = await requirePermission("distribution.manage");
  const t = getT(me.locale, "mail");
  const { id } = await params;
  const after = (await searchParams).after;
  const list = await db().journalistList.findUnique({ where: { id } });
  if (!list) notFound();
  const page = await listMembers(db(), id, typeof after === "string" ? after : undefined);
  return (
    <>
      <p>
        <Link href="/admin/distribution">{t("admin.lists.back")}</Link>
      </p>
      <h1>{list.name}</h1>
      {page.rows.length === 0 ? (
        <p>{t("admin.lists.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.lists.name")}</th>
              <th scope="col">{t("admin.lists.email")}</th>
              <th scope="col">{t("admin.lists.organisation")}</th>
              <th scope="col">{t("admin.lists.language")}</th>
              <th scope="col">{t("admin.lists.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("admin.lists.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((j) => (
              <tr key={j.id}>
                <td>{j.name}</td>
                <td>{j.email}</td>
                <td>{j.organisation}</td>
                <td>{t(`admin.languages.${j.language}`)}</td>
                <td>
                  {j.unsubscribedAt
                    ? t("admin.lists.unsubscribedOn", {
                        date: formatDate(j.unsubscribedAt, me.locale, env().NEWSROOM_TIMEZONE),
                      })
                    : t("admin.lists.active")}
                </td>
                <td>
                  <ActionForm action={removeJournalistAction} fields={{ journalistId: j.id }}>
                    <button type="submit" className="secondary" aria-label={`${t("admin.lists.remove")} ${j.email}`}>
                      {t("admin.lists.remove")}
                    </button>
                  </ActionForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next && (
        <p>
          <Link href={`/admin/distribution/lists/${id}?after=${page.next}`}>{t("admin.lists.more")}</Link>
        </p>
      )}
      <AddJournalistForm listId={id} />
      <ImportForm listId={id} />
      <ActionForm action={deleteListAction} fields={{ listId: id }} confirm={t("admin.lists.deleteConfirm")}>
        <button type="submit" className="danger">
          {t("admin.lists.delete")}
        </button>
      </ActionForm>
    </>
  );
}

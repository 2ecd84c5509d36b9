import Link from "next/link";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { localMailPage } from "@/server/distribution/queries";
import { LOCAL_MAIL_KEEP } from "@/server/distribution/transport";
import { env } from "@/server/env";

// The local outbox of the embedded demo (no SMTP_URL): every email the app would have sent.
export default async function MailPage({ searchParams }: PageProps<"/admin/mail">) {
  const me = await requirePermission("mail.read");
  const t = getT(me.locale, "mail");
  const smtp = env().SMTP_URL;
  const before = (await searchParams).before;
  const page = await localMailPage(db(), typeof before === "string" ? before : undefined);
  const server = smtp ? new URL(smtp).host : "";
  return (
    <>
      <h1>{t("admin.mailbox.title")}</h1>
      <p className="hint">
        {smtp ? t("admin.mailbox.smtp", { server }) : t("admin.mailbox.intro", { keep: LOCAL_MAIL_KEEP })}
      </p>
      {page.rows.length === 0 ? (
        <p>{t("admin.mailbox.empty")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("admin.mailbox.when")}</th>
              <th scope="col">{t("admin.mailbox.to")}</th>
              <th scope="col">{t("admin.mailbox.subject")}</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.createdAt, me.locale, env().NEWSROOM_TIMEZONE)}</td>
                <td>{m.recipient}</td>
                <td>
                  <Link href={`/admin/mail/${m.id}`}>{m.subject}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.next && (
        <p>
          <Link href={`/admin/mail?before=${page.next}`}>{t("admin.mailbox.more")}</Link>
        </p>
      )}
    </>
  );
}

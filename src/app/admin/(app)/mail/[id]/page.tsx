import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { env } from "@/server/env";

// One email of the local outbox: its text and its full source (headers included), as data.
export default async function MailMessagePage({ params }: PageProps<"/admin/mail/[id]">) {
  const me = await requirePermission("mail.read");
  const t = getT(me.locale, "mail");
  const { id } = await params;
  const mail = await db().localMail.findUnique({ where: { id } });
  if (!mail) notFound();
  return (
    <>
      <p>
        <Link href="/admin/mail">{t("admin.mailbox.back")}</Link>
      </p>
      <h1>{mail.subject}</h1>
      <p>
        {t("admin.mailbox.to")}: {mail.recipient} · {formatDateTime(mail.createdAt, me.locale, env().NEWSROOM_TIMEZONE)}
      </p>
      <h2>{t("admin.mailbox.text")}</h2>
      <pre className="mail-text">{mail.text}</pre>
      <details>
        <summary>{t("admin.mailbox.source")}</summary>
        <pre className="mail-source">{mail.raw}</pre>
      </details>
    </>
  );
}

import { ActionForm } from "@/components/distribution/admin/action-form";
import { CreateWebhookForm, WebhookEventsForm } from "@/components/distribution/admin/webhook-forms";
import { formatDateTime } from "@/i18n/datetime";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { db } from "@/server/db";
import { webhooksWithLog } from "@/server/distribution/queries";
import { env } from "@/server/env";
import { deleteWebhookAction, testWebhookAction, updateWebhookAction } from "@/server/webhooks/actions";

// Webhooks (admins): where release events go, their secrets, a test button and the delivery log.
export default async function WebhooksPage() {
  const me = await requirePermission("webhooks.manage");
  const t = getT(me.locale, "mail");
  const hooks = await webhooksWithLog(db());
  const tz = env().NEWSROOM_TIMEZONE;
  return (
    <>
      <h1>{t("admin.webhooks.title")}</h1>
      <p className="hint">{t("admin.webhooks.intro")}</p>
      {hooks.length === 0 && <p>{t("admin.webhooks.none")}</p>}
      {hooks.map((h) => (
        <section key={h.id} className="panel" aria-label={h.url}>
          <h2>
            <code>{h.url}</code> · {h.active ? t("admin.webhooks.active") : t("admin.webhooks.paused")}
          </h2>
          <p>
            {t("admin.webhooks.secret")}: <code>{h.secret}</code>
          </p>
          <WebhookEventsForm webhookId={h.id} events={h.events.split(",")} />
          <div className="actions">
            <ActionForm action={testWebhookAction} fields={{ webhookId: h.id }}>
              <button type="submit">{t("admin.webhooks.test")}</button>
            </ActionForm>
            <ActionForm
              action={updateWebhookAction}
              fields={{ webhookId: h.id, intent: h.active ? "pause" : "resume" }}
            >
              <button type="submit" className="secondary">
                {h.active ? t("admin.webhooks.pause") : t("admin.webhooks.resume")}
              </button>
            </ActionForm>
            <ActionForm action={updateWebhookAction} fields={{ webhookId: h.id, intent: "rotate" }}>
              <button type="submit" className="secondary">
                {t("admin.webhooks.rotate")}
              </button>
            </ActionForm>
            <ActionForm action={deleteWebhookAction} fields={{ webhookId: h.id }} confirm={t("admin.webhooks.delete")}>
              <button type="submit" className="danger">
                {t("admin.webhooks.delete")}
              </button>
            </ActionForm>
          </div>
          <h3>{t("admin.webhooks.log")}</h3>
          {h.deliveries.length === 0 ? (
            <p>{t("admin.webhooks.noDeliveries")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("admin.webhooks.when")}</th>
                  <th scope="col">{t("admin.webhooks.event")}</th>
                  <th scope="col">{t("admin.delivery.state")}</th>
                  <th scope="col">{t("admin.delivery.attempts")}</th>
                  <th scope="col">{t("admin.webhooks.response")}</th>
                  <th scope="col">{t("admin.webhooks.duration")}</th>
                </tr>
              </thead>
              <tbody>
                {h.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{formatDateTime(d.createdAt, me.locale, tz)}</td>
                    <td>
                      <code>{d.event}</code>
                    </td>
                    <td>
                      {d.state === "cancelled" ? "—" : t(`admin.states.${d.state === "sending" ? "queued" : d.state}`)}
                    </td>
                    <td>{d.attempts}</td>
                    <td>{[d.responseStatus, d.error].filter((x) => x !== null && x !== "").join(" ")}</td>
                    <td>{d.durationMs === null ? "" : t("admin.webhooks.ms", { ms: d.durationMs })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
      <CreateWebhookForm />
    </>
  );
}

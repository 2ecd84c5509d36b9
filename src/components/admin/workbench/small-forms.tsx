"use client";
import { useActionState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";
import { initialFormState, type FormState } from "@/domain/form";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/server/notifications/actions";
import { deleteTmUnitAction } from "@/server/tm/actions";

// One-button forms of the workbench pages.

function OneButton({
  action,
  hidden,
  label,
  ariaLabel,
  confirm,
  className = "secondary",
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  label: string;
  ariaLabel?: string;
  confirm?: string;
  className?: string;
}) {
  const [state, run, pending] = useActionState(action, initialFormState);
  return (
    <form action={run} onSubmit={(e) => void (confirm && !window.confirm(confirm) && e.preventDefault())}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <button type="submit" className={className} disabled={pending} aria-label={ariaLabel}>
        {label}
      </button>
      <FormStatus error={state.error} />
    </form>
  );
}

export function DeleteTmUnitButton({ id, source }: { id: number; source: string }) {
  const { t } = useTranslation("admin");
  const short = Array.from(source).slice(0, 20).join("");
  return (
    <OneButton
      action={deleteTmUnitAction}
      hidden={{ id: String(id) }}
      label={t("workbench.tm.delete")}
      ariaLabel={t("workbench.tm.deleteLabel", { source: short })}
      confirm={t("workbench.tm.deleteConfirm")}
      className="danger"
    />
  );
}

export function MarkReadButton({ id }: { id: string }) {
  const { t } = useTranslation("admin");
  return (
    <OneButton action={markNotificationReadAction} hidden={{ id }} label={t("workbench.notifications.markRead")} />
  );
}

export function MarkAllReadButton() {
  const { t } = useTranslation("admin");
  return (
    <OneButton action={markAllNotificationsReadAction} hidden={{}} label={t("workbench.notifications.markAllRead")} />
  );
}

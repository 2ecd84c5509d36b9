"use client";
import { useTranslation } from "react-i18next";
import { signOutAction } from "@/server/auth/actions";
import { clearLocalDrafts, hasLocalDrafts } from "./release/local-drafts";

/** Signing out removes the user's unsaved local drafts from this browser, after asking if there are any. */
export function SignOutForm({ userId }: { userId: string }) {
  const { t } = useTranslation("admin");
  return (
    <form
      action={signOutAction}
      onSubmit={(e) => {
        if (hasLocalDrafts(userId) && !window.confirm(t("shell.signOutDrafts"))) e.preventDefault();
        else clearLocalDrafts(userId);
      }}
    >
      <button type="submit">{t("nav.signOut")}</button>
    </form>
  );
}

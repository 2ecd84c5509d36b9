"use server";
import { redirect } from "next/navigation";
import { recordAudit } from "@/server/audit";
import { clearSessionCookie, getCurrentUser, sessionToken } from "@/server/auth/current";
import { clientIp } from "@/server/request-info";
import { revokeSession } from "@/server/auth/sessions";
import { db } from "@/server/db";

export async function signOutAction(): Promise<void> {
  const user = await getCurrentUser();
  await revokeSession(db(), await sessionToken());
  await clearSessionCookie();
  if (user) await recordAudit(db(), { actorId: user.id, action: "auth.sign_out", ip: await clientIp() });
  redirect("/admin/login");
}

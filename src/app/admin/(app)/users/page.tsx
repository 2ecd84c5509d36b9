import { notFound } from "next/navigation";
import { getT } from "@/i18n/server";
import { requirePermission } from "@/server/auth/current";
import { listUsers } from "@/server/auth/users";
import { db } from "@/server/db";
import { CreateUserForm, UserRowForms } from "./user-forms";

export default async function UsersPage() {
  const me = await requirePermission("users.manage");
  const t = getT(me.locale, "admin");
  const users = await listUsers(db(), me);
  if (!users.ok) notFound();
  return (
    <>
      <h1>{t("users.title")}</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.role")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {users.value.map((u) => (
            <tr key={u.id}>
              <td>
                {u.email} {u.id === me.id && t("users.you")}
              </td>
              <td>{u.displayName}</td>
              <td>{t(`roles.${u.role}`)}</td>
              <td>{u.disabled ? t("users.disabled") : t("users.active")}</td>
              <td>
                <UserRowForms userId={u.id} email={u.email} role={u.role} disabled={u.disabled} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CreateUserForm />
    </>
  );
}

import Link from "next/link";
import { can, type Role } from "@/domain/auth/permissions";
import { getT } from "@/i18n/server";
import type { Locale } from "@/i18n/settings";

/** "New release" / "新建稿件", for those who may create releases. */
export function NewReleaseLink({ role, locale }: { role: Role; locale: Locale }) {
  if (!can(role, "release.create")) return null;
  return (
    <p>
      <Link className="button" href="/admin/releases/new">
        {getT(locale, "admin")("releases.new")}
      </Link>
    </p>
  );
}

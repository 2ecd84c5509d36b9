// Who may do what: one table, checked on the server by every action and page.
export const ROLES = ["ADMIN", "EDITOR", "TRANSLATOR"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "release.read": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "release.create": ["ADMIN", "EDITOR"],
  "original.write": ["ADMIN", "EDITOR"],
  "translation.write": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "release.markTranslated": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "release.publish": ["ADMIN", "EDITOR"],
  "release.withdraw": ["ADMIN", "EDITOR"],
  "media.upload": ["ADMIN", "EDITOR", "TRANSLATOR"],
  /** delete unused media whoever uploaded it */
  "media.deleteAny": ["ADMIN", "EDITOR"],
  /** delete unused media one uploaded oneself */
  "media.deleteOwn": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "audit.read": ["ADMIN", "EDITOR"],
  /** failed sign-ins and password checks in the audit log */
  "audit.security": ["ADMIN"],
  "users.manage": ["ADMIN"],
  // Distribution (docs/DISTRIBUTION.md): lists, subscriber counts, delivery pages, early access.
  "distribution.manage": ["ADMIN", "EDITOR"],
  "distribution.send": ["ADMIN", "EDITOR"],
  "mail.read": ["ADMIN", "EDITOR"],
  "webhooks.manage": ["ADMIN"],
  // translator workbench (docs/TRANSLATION.md)
  "glossary.read": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "glossary.write": ["ADMIN", "EDITOR"],
  "tm.read": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "tm.delete": ["ADMIN", "EDITOR"],
  "assignment.manage": ["ADMIN", "EDITOR"],
  "settings.manage": ["ADMIN"],
  // press kit (docs/PRESS-KIT.md): the contacts address book, attachments and photos, view counts
  "contacts.manage": ["ADMIN", "EDITOR"],
  "presskit.write": ["ADMIN", "EDITOR"],
  "views.read": ["ADMIN", "EDITOR"],
  /** the fixes of the generated Traditional Chinese edition */
  "hant.manage": ["ADMIN", "EDITOR"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/**
 * Editors and administrators may delete any unused media; a translator only unused media they
 * uploaded (media whose uploader account is gone belongs to nobody: editors and administrators).
 */
export function canDeleteMedia(actor: { id: string; role: Role }, media: { uploaderId: string | null }): boolean {
  if (can(actor.role, "media.deleteAny")) return true;
  return can(actor.role, "media.deleteOwn") && media.uploaderId !== null && media.uploaderId === actor.id;
}

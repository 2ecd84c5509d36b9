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
  "audit.read": ["ADMIN", "EDITOR"],
  "users.manage": ["ADMIN"],
  // translator workbench (docs/TRANSLATION.md)
  "glossary.read": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "glossary.write": ["ADMIN", "EDITOR"],
  "tm.read": ["ADMIN", "EDITOR", "TRANSLATOR"],
  "tm.delete": ["ADMIN", "EDITOR"],
  "assignment.manage": ["ADMIN", "EDITOR"],
  "settings.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

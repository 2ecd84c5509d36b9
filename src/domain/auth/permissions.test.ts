import { expect, test } from "vitest";
import { PERMISSIONS, ROLES, can, canDeleteMedia, type Permission, type Role } from "./permissions";

const EXPECTED: Record<Role, Permission[]> = {
  ADMIN: Object.keys(PERMISSIONS) as Permission[],
  EDITOR: [
    "release.read",
    "release.create",
    "original.write",
    "translation.write",
    "release.markTranslated",
    "release.publish",
    "release.withdraw",
    "media.upload",
    "media.deleteAny",
    "media.deleteOwn",
    "audit.read",
    "distribution.manage",
    "distribution.send",
    "mail.read",
    "glossary.read",
    "glossary.write",
    "tm.read",
    "tm.delete",
    "assignment.manage",
    "contacts.manage",
    "presskit.write",
    "views.read",
    "hant.manage",
  ],
  TRANSLATOR: [
    "release.read",
    "translation.write",
    "release.markTranslated",
    "media.upload",
    "media.deleteOwn",
    "glossary.read",
    "tm.read",
  ],
};

const cases = ROLES.flatMap((role) =>
  (Object.keys(PERMISSIONS) as Permission[]).map((permission) => ({
    role,
    permission,
    allowed: EXPECTED[role].includes(permission),
  })),
);

test.each(cases)("$role × $permission → $allowed", ({ role, permission, allowed }) => {
  expect(can(role, permission)).toBe(allowed);
});

// Unused media: editors and administrators delete anyone's; translators only their own.
test.each([
  ["ADMIN", "someone else's", false, true],
  ["EDITOR", "someone else's", false, true],
  ["EDITOR", "an uploader-less", null, true],
  ["TRANSLATOR", "their own", true, true],
  ["TRANSLATOR", "someone else's", false, false],
  ["TRANSLATOR", "an uploader-less", null, false],
] as const)("%s deleting %s media (own: %s) → %s", (role, _what, own, allowed) => {
  const actor = { id: "me", role };
  const uploaderId = own === null ? null : own ? "me" : "someone";
  expect(canDeleteMedia(actor, { uploaderId })).toBe(allowed);
});

import { expect, test } from "vitest";
import { PERMISSIONS, ROLES, can, type Permission, type Role } from "./permissions";

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
    "audit.read",
    "glossary.read",
    "glossary.write",
    "tm.read",
    "tm.delete",
    "assignment.manage",
  ],
  TRANSLATOR: [
    "release.read",
    "translation.write",
    "release.markTranslated",
    "media.upload",
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

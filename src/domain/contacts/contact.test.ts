import { describe, expect, test } from "vitest";
import { contactIn, contactPointsLd, contactSchema, parseContacts, telHref } from "./contact";

const valid = { nameZh: "王伟", nameEn: "Wang Wei", titleZh: "新闻处", titleEn: "Press office", phone: "", email: "" };

describe("contactSchema", () => {
  test("accepts a complete contact, folding whitespace and lower-casing the email", () => {
    const parsed = contactSchema.parse({
      ...valid,
      nameEn: "  Wang\n Wei ",
      email: "Press@Agency.GOV",
      phone: "+86 10 1234-5678 ext. 12",
    });
    expect(parsed.nameEn).toBe("Wang Wei");
    expect(parsed.email).toBe("press@agency.gov");
  });

  test.each([
    [{ nameZh: "" }, "nameZh", "contact_name_required"],
    [{ nameEn: "   " }, "nameEn", "contact_name_required"],
    [{ nameEn: "x".repeat(101) }, "nameEn", "contact_name_too_long"],
    [{ titleZh: "长".repeat(201) }, "titleZh", "contact_title_too_long"],
    [{ phone: "call me" }, "phone", "contact_phone_invalid"],
    [{ phone: "1<script>" }, "phone", "contact_phone_invalid"],
    [{ email: "not an email" }, "email", "email_invalid"],
    [{ email: "a@b.c\r\nBcc: x@y.z" }, "email", "email_invalid"],
  ])("refuses %j", (change, field, key) => {
    const result = contactSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: [field], message: key });
  });
});

test("contactIn picks the edition's name and title", () => {
  const c = contactSchema.parse({ ...valid, phone: "123", email: "a@b.cn" });
  expect(contactIn(c, "zh")).toEqual({ name: "王伟", title: "新闻处", phone: "123", email: "a@b.cn" });
  expect(contactIn(c, "en")).toEqual({ name: "Wang Wei", title: "Press office", phone: "123", email: "a@b.cn" });
});

test("parseContacts reads a snapshot and tolerates garbage", () => {
  const one = { name: "N", title: "T", phone: "1", email: "e@x.cn" };
  expect(parseContacts(JSON.stringify([{ ...one, extra: 1 }]))).toEqual([one]);
  expect(parseContacts("{")).toEqual([]);
  expect(parseContacts('[{"name":1}]')).toEqual([]);
  expect(parseContacts(null)).toEqual([]);
});

test.each([
  ["+86 (10) 1234-5678", "tel:+861012345678"],
  ["010-6208 3114 ext. 25", "tel:01062083114;ext=25"],
  ["6208 3114 转 8", "tel:62083114;ext=8"],
  ["12", null],
])("telHref(%s) = %s", (phone, href) => {
  expect(telHref(phone)).toBe(href);
});

test("contactPointsLd leaves out what a contact lacks", () => {
  expect(contactPointsLd([{ name: "N", title: "", phone: "1 2 3", email: "" }])).toEqual([
    { "@type": "ContactPoint", contactType: "press", name: "N", telephone: "1 2 3" },
  ]);
});

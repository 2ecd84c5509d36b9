// Text as every form and import receives it. A lone UTF-16 surrogate ("\uD800" alone, which a
// hostile client or a broken paste can send) is not valid Unicode: PostgreSQL and Prisma's JSON
// protocol refuse it with a 500. Every text field goes through `textSchema()`, which replaces lone
// surrogates with U+FFFD (String.prototype.toWellFormed) before any other check.
import { z } from "zod";

export const wellFormed = (s: string): string => s.toWellFormed();

/** A string schema that makes its input well-formed first; chain trim/min/max after it. */
export const textSchema = () => z.string().overwrite(wellFormed);

/** Every string inside a JSON value made well-formed (documents, imported records). */
export const wellFormedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? wellFormed(v) : v));

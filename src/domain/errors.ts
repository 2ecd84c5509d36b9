// Error codes: when the server refuses something, a code crosses the boundary, never prose. The UI
// translates it (`t(\`errors:${code}\`)`). The union is the keys of the English error texts, so a
// code without text does not compile; errors.test.ts checks the Chinese has the same keys.
import type errorTexts from "@locales/en/errors.json";

export type ErrorCode = keyof typeof errorTexts;

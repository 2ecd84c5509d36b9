// Results of the release actions as the editors' screens see them (client components import these
// types; the actions live in ./actions.ts).
import type { Failure, Ok } from "@/domain/result";

export interface ContentValues {
  title: string;
  summary: string;
  body: string;
  slug: string;
}

export type SaveResult =
  | Ok<{ id: string; version: number; status: string }>
  | (Failure & {
      /** field → validation key */
      fieldErrors?: Record<string, string>;
      /** someone saved first: their version and text, so the user can compare and choose */
      conflict?: { version: number; theirs: ContentValues | null };
    });

export type WorkflowResult = Ok<{ version: number; status: string; embargoed: boolean }> | Failure;

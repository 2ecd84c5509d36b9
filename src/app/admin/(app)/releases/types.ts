// Results of the release actions as the forms see them.
export interface ContentValues {
  title: string;
  summary: string;
  body: string;
  slug: string;
}

export type SaveResult =
  | { ok: true; id: string; version: number; status: string }
  | {
      ok: false;
      /** error code (errors namespace) */
      error: string;
      /** field → validation key */
      fieldErrors?: Record<string, string>;
      /** someone saved first: their version and text, so the user can compare and choose */
      conflict?: { version: number; theirs: ContentValues | null };
    };

export type WorkflowResult =
  { ok: true; version: number; status: string; embargoed: boolean } | { ok: false; error: string };

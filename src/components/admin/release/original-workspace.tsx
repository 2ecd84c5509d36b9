"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { createReleaseAction, saveOriginalAction } from "@/server/releases/actions";
import type { ContentValues } from "@/server/releases/action-results";
import { ContentEditor } from "./content-editor";
import { WorkflowPanel, type ActionOption } from "./workflow-panel";
import { TranslationCheck } from "../workbench/translation-check";

export interface OriginalValues extends ContentValues {
  categoryId: string;
  releaseDate: string;
}

/** The Chinese original: create or edit, beside the workflow actions that share its version. */
export function OriginalWorkspace({
  releaseId,
  version: initialVersion,
  initial,
  categories,
  options,
  canEdit,
}: {
  releaseId: string | null;
  version: number;
  initial: OriginalValues;
  categories: { id: string; name: string }[];
  options: ActionOption[];
  canEdit: boolean;
}) {
  const { t } = useTranslation("admin");
  const router = useRouter();
  const [version, setVersion] = useState(initialVersion);
  const [dirty, setDirty] = useState(false);
  return (
    <div className="workspace">
      <ContentEditor<OriginalValues>
        lang="zh"
        draftKey={`${releaseId ?? "new"}:zh`}
        initial={initial}
        baseVersion={version}
        onVersionChange={setVersion}
        onDirtyChange={setDirty}
        readOnly={!canEdit}
        save={(values, base) => (releaseId ? saveOriginalAction(releaseId, base, values) : createReleaseAction(values))}
        onSaved={(r) => {
          if (!releaseId) router.push(`/admin/releases/${r.value.id}`);
          else router.refresh();
        }}
        extra={(values, set, errors) => (
          <div className="columns">
            <div className="field">
              <label htmlFor="release-category">{t("fields.category")}</label>
              <select
                id="release-category"
                value={values.categoryId}
                onChange={(e) => set("categoryId", e.target.value)}
              >
                <option value="">{t("fields.noCategory")}</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="release-date">{t("fields.releaseDate")}</label>
              <input
                id="release-date"
                type="date"
                value={values.releaseDate}
                aria-invalid={errors.releaseDate ? true : undefined}
                onChange={(e) => set("releaseDate", e.target.value)}
              />
              {errors.releaseDate && <DateError code={errors.releaseDate} />}
            </div>
          </div>
        )}
      />
      {releaseId && options.length > 0 && (
        <WorkflowPanel
          releaseId={releaseId}
          version={version}
          onVersionChange={setVersion}
          options={options}
          blocked={dirty}
          confirmExtra={{ markTranslated: <TranslationCheck releaseId={releaseId} /> }}
        />
      )}
    </div>
  );
}

function DateError({ code }: { code: string }) {
  const { t } = useTranslation("validation");
  return <p className="field-error">{t(code)}</p>;
}

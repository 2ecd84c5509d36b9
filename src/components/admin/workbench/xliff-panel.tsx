"use client";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormStatus } from "@/components/admin/field";

interface Report {
  units: number;
  translated: number;
  kept: number;
  remembered: number;
}

/** Export for a CAT tool (XLIFF 1.2 or 2.0) and import of the translated file. */
export function XliffPanel({
  releaseId,
  canImport,
  blocked,
}: {
  releaseId: string;
  canImport: boolean;
  blocked: boolean;
}) {
  const { t } = useTranslation("admin");
  const id = useId();
  const [state, setState] = useState<{ error?: string; params?: Record<string, string | number>; report?: Report }>({});
  const [pending, setPending] = useState(false);
  const upload = async (form: HTMLFormElement) => {
    setPending(true);
    try {
      const res = await fetch(`/admin/releases/${releaseId}/xliff`, { method: "POST", body: new FormData(form) });
      const body = (await res.json()) as {
        ok: boolean;
        error?: string;
        params?: Record<string, string>;
        report?: Report;
      };
      setState(body.ok ? { report: body.report } : { error: body.error ?? "unknown", params: body.params });
      // The editor shows the imported English only after a fresh load of the page.
      if (body.ok) setTimeout(() => window.location.reload(), 1500);
    } catch {
      setState({ error: "unknown" });
    } finally {
      setPending(false);
    }
  };
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("workbench.xliff.title")}</h2>
      <p>
        {t("workbench.xliff.export")}{" "}
        <a href={`/admin/releases/${releaseId}/xliff?version=1.2`} download>
          XLIFF 1.2
        </a>{" "}
        ·{" "}
        <a href={`/admin/releases/${releaseId}/xliff?version=2.0`} download>
          XLIFF 2.0
        </a>
      </p>
      {canImport && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <label htmlFor={`${id}-file`}>{t("workbench.xliff.file")}</label>
          <input id={`${id}-file`} type="file" name="file" accept=".xlf,.xliff,.xml" required />
          <button type="submit" disabled={pending || blocked}>
            {t("workbench.xliff.import")}
          </button>
          {blocked && <span className="hint">{t("workbench.xliff.saveFirst")}</span>}
        </form>
      )}
      <p className="hint">{t("workbench.xliff.hint")}</p>
      <FormStatus error={state.error} errorParams={state.params} />
      {state.report && (
        <p className="form-ok" role="status">
          {t("workbench.xliff.imported", { ...state.report })}
        </p>
      )}
    </section>
  );
}

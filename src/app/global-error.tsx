"use client";

import enCommon from "@locales/en/common.json";
import zhCommon from "@locales/zh/common.json";
import "./site.css";

// Replaces a root layout that failed to render, so it brings its own <html>. The locale cannot
// be known reliably here (server and client must render the same), so the page is bilingual.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main id="main" className="error-page">
          <h1>
            {zhCommon.errorTitle} · <span lang="en">{enCommon.errorTitle}</span>
          </h1>
          <p>{zhCommon.errorBody}</p>
          <p lang="en">{enCommon.errorBody}</p>
          <p>
            <button type="button" onClick={reset}>
              {zhCommon.retry} · <span lang="en">{enCommon.retry}</span>
            </button>
          </p>
        </main>
      </body>
    </html>
  );
}

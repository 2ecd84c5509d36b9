import type { Metadata } from "next";
import { NotFoundContent } from "@/components/site/not-found-content";
import "./site.css";

export const metadata: Metadata = { title: "页面不存在 · Page not found" };

export default function GlobalNotFound() {
  return (
    <html lang="zh-CN">
      <body>
        <NotFoundContent />
      </body>
    </html>
  );
}

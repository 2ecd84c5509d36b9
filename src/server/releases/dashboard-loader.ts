import "server-only";
import { db } from "../db";
import { listCategories, listReleasesForDashboard } from "./admin-queries";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : "");

/** The releases matching a list page's ?q= and ?category=, with the categories for the filter. */
export async function loadFilteredReleases(query: Record<string, string | string[] | undefined>) {
  const q = one(query.q);
  const categoryId = one(query.category);
  const [rows, categories] = await Promise.all([
    listReleasesForDashboard(db(), { q, categoryId: categoryId || undefined }),
    listCategories(db()),
  ]);
  return { q, categoryId, rows, categories };
}

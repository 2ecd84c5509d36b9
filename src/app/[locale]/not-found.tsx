import { NotFoundContent } from "@/components/site/not-found-content";

// notFound() inside a locale segment; the locale is not available here, so the page is bilingual.
export default function LocaleNotFound() {
  return <NotFoundContent />;
}

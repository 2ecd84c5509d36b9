import { locale } from "next/root-params";
import { NotFoundContent } from "@/components/site/not-found-content";

// notFound() inside the public pages: the root param names the language.
export default async function LocaleNotFound() {
  return <NotFoundContent locale={await locale()} />;
}

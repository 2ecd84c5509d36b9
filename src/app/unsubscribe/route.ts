import { NextResponse, type NextRequest } from "next/server";
import { pageLocaleOf, isMailLanguage } from "@/domain/distribution/languages";
import { db } from "@/server/db";
import { peekUnsubscribe, unsubscribe } from "@/server/distribution/subscribers";

// The List-Unsubscribe URL of every email (RFC 8058). POST with the body "List-Unsubscribe=One-Click"
// (what mail providers send when the reader clicks their unsubscribe button) unsubscribes at once;
// the token in the URL is the only credential. GET never unsubscribes (link scanners fetch URLs): it
// sends the reader to the page with the confirmation button, in the email's language.

const PLAIN = {
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
};

export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const found = await peekUnsubscribe(db(), token);
  const locale = found && isMailLanguage(found.language) ? pageLocaleOf(found.language) : "zh";
  const target = new URL(`/${locale}/unsubscribe`, request.nextUrl);
  if (found) target.searchParams.set("token", token);
  return new NextResponse(null, {
    status: 303,
    headers: { Location: target.pathname + target.search, "Cache-Control": "no-store" },
  });
}

export async function POST(request: NextRequest) {
  const body = (await request.text().catch(() => "")).slice(0, 1024);
  if (!new URLSearchParams(body).getAll("List-Unsubscribe").includes("One-Click"))
    return new NextResponse("Bad Request: expected List-Unsubscribe=One-Click\n", { status: 400, headers: PLAIN });
  const result = await unsubscribe(db(), request.nextUrl.searchParams.get("token"));
  if (!result.ok) return new NextResponse("Not found\n", { status: 404, headers: PLAIN });
  return new NextResponse("Unsubscribed\n", { status: 200, headers: PLAIN });
}

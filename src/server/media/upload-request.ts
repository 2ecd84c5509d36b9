import "server-only";
import { MAX_UPLOAD_BYTES } from "@/domain/media/urls";
import { env } from "../env";

// HTTP helpers of the upload route. Route handlers do not get server actions' CSRF check, so the
// route compares Origin with the host itself; and it stops reading a body past the size limit.

/** Room for the multipart envelope and the alt texts around the file. */
export const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

/** True when the request's Origin is this site (the Host it was sent to, or SITE_URL). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const own = [request.headers.get("x-forwarded-host"), request.headers.get("host"), new URL(env().SITE_URL).host];
  return own.some((h) => h !== null && h.toLowerCase() === host.toLowerCase());
}

export type BodyRead =
  { ok: true; form: FormData } | { ok: false; status: 400 | 413; code: "invalid_input" | "media_too_large" };

/** The multipart form, read with a byte counter that gives up past MAX_BODY_BYTES. */
export async function readLimitedForm(request: Request, limit = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return { ok: false, status: 413, code: "media_too_large" };
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type) || !request.body) return { ok: false, status: 400, code: "invalid_input" };
  let seen = 0;
  let tooLarge = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          tooLarge = true;
          controller.error(new Error("body too large"));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    const form = await new Response(counted, { headers: { "content-type": type } }).formData();
    return { ok: true, form };
  } catch {
    return tooLarge
      ? { ok: false, status: 413, code: "media_too_large" }
      : { ok: false, status: 400, code: "invalid_input" };
  }
}

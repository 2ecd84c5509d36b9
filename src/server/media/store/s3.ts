import "server-only";
import type * as S3 from "@aws-sdk/client-s3";
import { pipeline, type Readable } from "node:stream";
import { storageError } from "./errors";
import { StorageError, assertKey, type ListedObject, type MediaStore, type ObjectInfo } from "./types";
import { asStream, sha256Hex, verifiedStream, verifyingBeforeEnd } from "./verify";

// Files in an S3-compatible bucket (MEDIA_STORAGE=s3): AWS S3, MinIO, Ceph, OSS/COS S3 endpoints.
// The SHA-256 travels as object metadata (x-amz-meta-sha256) and is checked on every read. The SDK
// is loaded on first use: installations on the database store never pay for it.

type Sdk = typeof S3;
type S3Client = S3.S3Client;
let sdkModule: Promise<Sdk> | undefined;
const sdk = () => (sdkModule ??= import("@aws-sdk/client-s3"));

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** key prefix inside the bucket, e.g. "newsroom/" ("" for none) */
  prefix: string;
}

const isMissing = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === "NoSuchKey" || err?.name === "NotFound" || err?.$metadata?.httpStatusCode === 404;
};

export class S3Store implements MediaStore {
  readonly kind = "s3";
  readonly location: string;
  private clientPromise: Promise<S3Client> | undefined;

  constructor(private readonly settings: S3Settings) {
    this.location = `s3://${settings.bucket}/${settings.prefix}${settings.endpoint ? ` at ${settings.endpoint}` : ""}`;
  }

  /** The SDK module and this store's client, created on first use. */
  private async ready(): Promise<[Sdk, S3Client]> {
    const m = await sdk();
    return [m, await (this.clientPromise ??= Promise.resolve(this.createClient(m)))];
  }

  private createClient({ S3Client }: Sdk): S3Client {
    const settings = this.settings;
    const { accessKeyId, secretAccessKey } = settings;
    return new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
      // Checksums only when an operation requires them: S3-compatible servers that do not know
      // the SDK's newer default (aws-chunked uploads with CRC trailers) would refuse every upload.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  private objectKey(key: string): string {
    assertKey(key);
    return this.settings.prefix + key;
  }

  async put(key: string, data: Buffer | Readable, info: Omit<ObjectInfo, "key">): Promise<ObjectInfo> {
    const [m, client] = await this.ready();
    const Key = this.objectKey(key);
    // The last bytes go out only once the checksum matched; a failing or wrong source aborts the
    // request (the SDK would otherwise wait for the missing bytes) and no object is created.
    const measure = verifyingBeforeEnd({ key, ...info });
    if (Buffer.isBuffer(data) && (data.length !== info.size || sha256Hex(data) !== info.sha256)) {
      throw new StorageError("corrupt", `${key}: the bytes do not match the expected size and SHA-256`);
    }
    const abort = new AbortController();
    let sourceError: unknown;
    const body = Buffer.isBuffer(data)
      ? data
      : pipeline(asStream(data), measure, (error) => {
          if (!error) return;
          sourceError = error;
          abort.abort(error);
        });
    try {
      const command = new m.PutObjectCommand({
        Bucket: this.settings.bucket,
        Key,
        Body: body,
        ContentType: info.contentType,
        ContentLength: info.size,
        Metadata: { sha256: info.sha256 },
      });
      await client.send(command, { abortSignal: abort.signal });
    } catch (error) {
      // Some S3-compatible servers keep what arrived of an interrupted upload: remove it.
      if (sourceError) await this.delete(key).catch(() => undefined);
      throw storageError(sourceError ?? error, `storing ${key}`, this.location);
    }
    return { key, ...info };
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const [m, client] = await this.ready();
    try {
      const out = await client.send(
        new m.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }),
      );
      return this.infoOf(key, out);
    } catch (error) {
      if (isMissing(error)) return null;
      throw storageError(error, `reading ${key}`, this.location);
    }
  }

  async exists(key: string): Promise<boolean> {
    const [m, client] = await this.ready();
    try {
      await client.send(new m.HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw storageError(error, `reading ${key}`, this.location);
    }
  }

  async get(key: string) {
    const [m, client] = await this.ready();
    let out;
    try {
      out = await client.send(new m.GetObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (isMissing(error)) return null;
      throw storageError(error, `reading ${key}`, this.location);
    }
    const info = this.infoOf(key, out);
    return { ...info, body: verifiedStream(out.Body as Readable, info) };
  }

  private infoOf(
    key: string,
    out: { ContentLength?: number; ContentType?: string; Metadata?: Record<string, string> },
  ): ObjectInfo {
    const sha256 = out.Metadata?.sha256 ?? "";
    if (!/^[a-f0-9]{64}$/.test(sha256)) {
      throw new StorageError("corrupt", `${key} in ${this.location} has no SHA-256 metadata (not stored by Newsroom?)`);
    }
    return { key, size: out.ContentLength ?? 0, sha256, contentType: out.ContentType ?? "application/octet-stream" };
  }

  async delete(key: string): Promise<void> {
    const [m, client] = await this.ready();
    try {
      await client.send(new m.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.objectKey(key) }));
    } catch (error) {
      if (!isMissing(error)) throw storageError(error, `deleting ${key}`, this.location);
    }
  }

  async *list(prefix = ""): AsyncGenerator<ListedObject> {
    const [m, client] = await this.ready();
    let token: string | undefined;
    const strip = this.settings.prefix.length;
    do {
      let page;
      try {
        page = await client.send(
          new m.ListObjectsV2Command({
            Bucket: this.settings.bucket,
            Prefix: this.settings.prefix + prefix,
            ContinuationToken: token,
          }),
        );
      } catch (error) {
        throw storageError(error, "listing files", this.location);
      }
      for (const o of page.Contents ?? []) if (o.Key) yield { key: o.Key.slice(strip), size: o.Size ?? 0 };
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async close(): Promise<void> {
    (await this.clientPromise)?.destroy();
  }
}

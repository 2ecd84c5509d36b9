/** Downloads of every release that needs English, as a zip of XLIFF files (a route handler, not a page). */
export function BulkXliffLinks({ label }: { label: string }) {
  return (
    <p>
      {label}{" "}
      {(["1.2", "2.0"] as const).map((v, i) => (
        <span key={v}>
          {i > 0 && " · "}
          <a href={`/admin/xliff?version=${v}`} download>
            XLIFF {v} (.zip)
          </a>
        </span>
      ))}
    </p>
  );
}

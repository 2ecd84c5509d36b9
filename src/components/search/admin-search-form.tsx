/** The back office search box (a GET form, so results are shareable URLs). */
export function AdminSearchForm({ label, button, q }: { label: string; button: string; q: string }) {
  return (
    <form method="get" action="/admin/search" role="search" className="inline-form panel">
      <span className="field">
        <label htmlFor="admin-search-q">{label}</label>
        <input id="admin-search-q" name="q" type="search" defaultValue={q} maxLength={200} />
      </span>
      <button type="submit">{button}</button>
    </form>
  );
}

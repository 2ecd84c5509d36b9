import Link from "next/link";

/** The dashboard's flag: translation assignments past their due time, most overdue first. */
export function OverdueAssignments({
  total,
  items,
  heading,
  dueLabel,
  assigneeLabel,
  releaseLabel,
}: {
  total: number;
  items: { releaseId: string; title: string; assignee: string; due: string }[];
  heading: string;
  dueLabel: string;
  assigneeLabel: string;
  releaseLabel: string;
}) {
  return (
    <section className="panel outdated" aria-labelledby="overdue-h" data-count={total}>
      <h2 id="overdue-h" className="overdue">
        {heading}
      </h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{releaseLabel}</th>
            <th scope="col">{assigneeLabel}</th>
            <th scope="col">{dueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.releaseId}>
              <td lang="zh-CN">
                <Link href={`/admin/releases/${a.releaseId}`}>{a.title}</Link>
              </td>
              <td>{a.assignee}</td>
              <td>{a.due}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

import { expect, test } from "vitest";
import { sourceChanges } from "./source-changes";

const EN = ["Title", "Summary.", "Para one.", "Para two."];

test("a clause appended to the summary is a changed segment with its English beside it", () => {
  const before = ["标题", "双方开展交流。", "第一段。", "第二段。"];
  const after = ["标题", "双方开展交流，并商定下次会议安排。", "第一段。", "第二段。"];
  const changes = sourceChanges(before, after, (i) => EN[i] ?? null);
  expect(changes.map((c) => c.kind)).toEqual(["same", "changed", "same", "same"]);
  expect(changes[1]).toMatchObject({
    english: "Summary.",
    segment: 1,
    parts: [
      { kind: "same", text: "双方开展交流" },
      { kind: "added", text: "，并商定下次会议安排" },
      { kind: "same", text: "。" },
    ],
  });
});

test("added and removed paragraphs stay whole; removed ones show the English they had", () => {
  const before = ["标题", "摘要", "第一段。", "第二段。"];
  const after = ["标题", "摘要", "第二段。", "新增的第三段。"];
  const changes = sourceChanges(before, after, (i) => EN[i] ?? null);
  expect(changes).toEqual([
    { kind: "same", text: "标题", segment: 0 },
    { kind: "same", text: "摘要", segment: 1 },
    { kind: "removed", text: "第一段。", english: "Para one." },
    { kind: "same", text: "第二段。", segment: 2 },
    { kind: "added", text: "新增的第三段。", segment: 3 },
  ]);
});

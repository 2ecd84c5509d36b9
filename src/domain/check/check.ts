// The check before "Mark as translated": per segment (title, summary, each paragraph with the
// English paragraph aligned with it), what looks wrong. It advises; only term problems can be made
// blocking (an admin setting). Pure.
import { alignLoose } from "../release/align";
import { docBlocks, parseDoc } from "../release/content";
import { containsPhrase, findTerms, type GlossaryEntry, type TermIndex } from "../glossary/terms";
import { enFacts, key, MONTHS } from "./en-numbers";
import { zhFacts, type ZhFact } from "./zh-numbers";

export type ProblemKind = "empty" | "term_missing" | "term_forbidden" | "number_missing";

export interface Problem {
  /** "title", "summary" or "body-N" (N from 1, the Nth Chinese paragraph) */
  segment: string;
  kind: ProblemKind;
  /** the Chinese term, number or date concerned */
  zh?: string;
  /** approved renderings (term_missing), the forbidden variant used (term_forbidden), the expected form (number_missing) */
  en?: string[];
}

export const isTermProblem = (p: Problem) => p.kind === "term_missing" || p.kind === "term_forbidden";

interface Content {
  title: string;
  summary: string;
  body: string;
}

/** Every problem, in reading order. */
export function checkTranslation(zh: Content, en: Content | null, terms: TermIndex): Problem[] {
  const zhBlocks = docBlocks(parseDoc(zh.body));
  const enBlocks = en ? docBlocks(parseDoc(en.body)) : [];
  const aligned = alignLoose(zhBlocks, enBlocks);
  const segments: [string, string, string | null][] = [
    ["title", zh.title, en?.title ?? null],
    ["summary", zh.summary, en?.summary ?? null],
    ...zhBlocks.map((b, i): [string, string, string | null] => {
      const en = aligned[i]!.map((j) => enBlocks[j]!).join("\n");
      return [`body-${i + 1}`, b, en || null];
    }),
  ];
  return segments.flatMap(([segment, source, target]) => checkSegment(segment, source, target, terms));
}

function checkSegment(segment: string, source: string, target: string | null, terms: TermIndex): Problem[] {
  if (!source.trim()) return [];
  if (!target?.trim()) return [{ segment, kind: "empty" }];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const { entry } of findTerms(source, terms)) {
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    problems.push(...termProblems(segment, entry, target));
  }
  const facts = enFacts(target);
  for (const fact of zhFacts(source)) {
    const expected = missing(fact, facts);
    if (expected) problems.push({ segment, kind: "number_missing", zh: fact.text, en: [expected] });
  }
  return problems;
}

function termProblems(segment: string, entry: GlossaryEntry, target: string): Problem[] {
  const out: Problem[] = [];
  if (!entry.approved.some((a) => containsPhrase(target, a))) {
    out.push({ segment, kind: "term_missing", zh: entry.term, en: entry.approved });
  }
  const used = entry.forbidden.filter((f) => containsPhrase(target, f));
  if (used.length) out.push({ segment, kind: "term_forbidden", zh: entry.term, en: used });
  return out;
}

const monthName = (m: number) => MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase());
const plain = (v: number) => v.toLocaleString("en-US", { maximumFractionDigits: 6 });

/** What the English should contain for a fact it lacks (null when it is there). */
function missing(fact: ZhFact, en: ReturnType<typeof enFacts>): string | null {
  if (fact.kind === "percent") return en.percents.has(key(fact.value)) ? null : `${plain(fact.value)}%`;
  if (fact.kind === "number") return en.numbers.has(key(fact.value)) ? null : plain(fact.value);
  const ok =
    (fact.year === undefined || en.numbers.has(fact.year)) &&
    (fact.month === undefined || en.months.has(fact.month)) &&
    (fact.day === undefined || en.numbers.has(fact.day));
  if (ok) return null;
  const md = fact.month ? `${monthName(fact.month)}${fact.day ? ` ${fact.day}` : ""}` : "";
  return [md, fact.year].filter(Boolean).join(md && fact.day && fact.year ? ", " : " ");
}

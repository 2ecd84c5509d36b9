// Splits text into search units: words (letters/digits of any script but CJK) and CJK runs.
// Pure and shared by indexing, query parsing and highlighting so all three agree on boundaries.

export interface Unit {
  kind: "word" | "cjk";
  /** normalized: NFKC, lower case, no diacritics; words are stemmed */
  text: string;
  /** UTF-16 offsets of the unit in the raw input */
  start: number;
  end: number;
}

// Han, kana and Hangul have no spaces between words (Korean mostly has, n-grams do no harm).
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆`;
const UNIT = new RegExp(
  String.raw`([${CJK}]+)|((?:(?![${CJK}])[\p{L}\p{N}\p{M}])+(?:['’](?:(?![${CJK}])[\p{L}\p{N}\p{M}])+)*)`,
  "gu",
);
const CJK_CHAR = new RegExp(`[${CJK}]`, "u");

export const isCjk = (s: string): boolean => CJK_CHAR.test(s);

/** NFKC folds full-width Latin (ＩＰ５ → ip5) and compatibility ideographs. */
export const fold = (s: string): string => s.normalize("NFKC").toLowerCase();

/** Words also lose accents (café = cafe); CJK keeps its marks (が is not か). */
const foldWord = (s: string): string => fold(s).normalize("NFD").replace(/\p{M}/gu, "").normalize("NFC");

// Words whose trailing "s" is not a plural; keeps "news" apart from "new".
const KEEP = new Set([
  "news",
  "series",
  "species",
  "means",
  "physics",
  "economics",
  "politics",
  "always",
  "perhaps",
  "does",
  "goes",
  "towards",
  "whereas",
  "status",
  "lens",
  "thanks",
  "sales",
]);

/** Plural → singular by suffix stripping; applied to documents and queries alike. */
export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || /\d/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

function normalizeWord(raw: string): string {
  const folded = foldWord(raw)
    .replace(/['’]s$/, "")
    .replace(/['’]/g, "");
  return stem(folded);
}

/** The units of `text` in order, with their offsets in `text`. */
export function scanUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const m of text.matchAll(UNIT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      units.push({ kind: "cjk", text: fold(m[1]), start, end });
    } else {
      const word = normalizeWord(m[0]);
      if (word) units.push({ kind: "word", text: word, start, end });
    }
  }
  return units;
}

/**
 * Index tokens of one CJK run: the bigram starting at every character, and the last character
 * alone. Every substring of length ≥ 2 is then a phrase of consecutive bigrams, and every single
 * character is the prefix of exactly one token per occurrence.
 */
export function cjkTokens(run: string): string[] {
  const chars = Array.from(run);
  return chars.map((c, i) => (i + 1 < chars.length ? c + chars[i + 1] : c));
}

/** All index tokens of a text, in order (positions matter for phrases). */
export function textTokens(text: string, max = Infinity): string[] {
  const out: string[] = [];
  for (const u of scanUnits(text)) {
    if (u.kind === "word") out.push(u.text);
    else out.push(...cjkTokens(u.text));
    if (out.length >= max) return out.slice(0, max);
  }
  return out;
}

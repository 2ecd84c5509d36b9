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
// Text that normalization leaves alone: the fast path of indexing (most text is one of these).
const PLAIN_HAN = /^[\u4e00-\u9fff]+$/;
const PLAIN_WORD = /^[a-z0-9]+$/;
const ASCII_WORD = /^[A-Za-z0-9]+$/;

export const isCjk = (s: string): boolean => CJK_CHAR.test(s);

/** NFKC folds full-width Latin (ＩＰ５ → ip5) and compatibility ideographs. */
export const fold = (s: string): string => s.normalize("NFKC").toLowerCase();

const foldCjk = (s: string): string => (PLAIN_HAN.test(s) ? s : fold(s));

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
  if (PLAIN_WORD.test(raw)) return stem(raw);
  if (ASCII_WORD.test(raw)) return stem(raw.toLowerCase());
  const folded = foldWord(raw)
    .replace(/['’]s$/, "")
    .replace(/['’]/g, "");
  return stem(folded);
}

/** The units of `text` in order, with their offsets in `text`, until `visit` returns false. */
export function eachUnit(text: string, visit: (u: Unit) => boolean | void): void {
  for (const m of text.matchAll(UNIT)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined) {
      if (visit({ kind: "cjk", text: foldCjk(m[1]), start, end }) === false) return;
    } else {
      const word = normalizeWord(m[0]);
      if (word && visit({ kind: "word", text: word, start, end }) === false) return;
    }
  }
}

/** The units of `text` in order, with their offsets in `text`. */
export function scanUnits(text: string): Unit[] {
  const units: Unit[] = [];
  eachUnit(text, (u) => {
    units.push(u);
  });
  return units;
}

// CJK tokens in the common range (U+3000 to U+AFFF: kana, Han, most Hangul) are counted as small
// integers ("codes"): a character is cp − 0x3000, a bigram 2^15 + first · 2^15 + second. Indexing
// makes no string per occurrence, and a full rebuild groups them by integer. Others go by string.
const BASE = 0x3000;
const SPAN = 0x8000;
/** Codes of characters are below CODE_SPAN; bigrams start there. */
export const CODE_SPAN = SPAN;

/** The token a code stands for. */
export function tokenOfCode(code: number): string {
  if (code < SPAN) return String.fromCharCode(code + BASE);
  const pair = code - SPAN;
  return String.fromCharCode(Math.floor(pair / SPAN) + BASE, (pair % SPAN) + BASE);
}

/** Token → positions, split by how the token is held (see tokenOfCode). */
export interface TokenPositions {
  named: Map<string, number[]>;
  coded: Map<number, number[]>;
}

/** Receives the tokens of a text (scanTokens), position by position. */
export interface TokenSink {
  /** a CJK character or bigram of the common range, by its code (tokenOfCode) */
  code(code: number, at: number): void;
  /** a CJK character or bigram outside it, by name */
  name(token: string, at: number): void;
  /**
   * a word; `paired`: the previous position holds a word too, and the two make a pair token at
   * at − 1 (`previous word`), which comes before this word
   */
  word(word: string, at: number, paired: boolean): void;
}

/**
 * The index tokens of `text` in order. Every word and every CJK character takes one position; the
 * tokens at a position are the word, or the character, and the pair starting there: with the next
 * character of the same CJK run (bigram, `知识`), or with the next word when no CJK run parts them
 * (`video conference`). Any substring then is a phrase of tokens at known offsets: words and
 * characters, or the pairs that cover them. Pairs make phrases cheap: a phrase of common words
 * ("held by the office") reads the short lists of its pairs, not the long lists of its words with
 * all their positions. Positions stop at `max`.
 */
export function scanTokens(text: string, max: number, sink: TokenSink): void {
  let at = 0;
  let paired = false; // the previous position holds a word
  const word = (w: string): boolean => {
    if (at >= max) return false;
    sink.word(w, at++, paired);
    paired = true;
    return true;
  };
  const run = (r: string): boolean => {
    if (at >= max) return false;
    paired = false;
    let prev = -1; // the previous character's code, or -1
    let prevStart = -1; // where the previous character starts in `r`, or -1
    for (let i = 0; i < r.length && at < max; at++) {
      const cp = r.codePointAt(i)!;
      const end = i + (cp > 0xffff ? 2 : 1);
      const code = cp >= BASE && cp < BASE + SPAN ? cp - BASE : -1;
      if (code >= 0 && prev >= 0) sink.code(SPAN + prev * SPAN + code, at - 1);
      else if (prevStart >= 0) sink.name(r.slice(prevStart, end), at - 1);
      if (code >= 0) sink.code(code, at);
      else sink.name(r.slice(i, end), at);
      prev = code;
      prevStart = i;
      i = end;
    }
    return true;
  };
  if (!plainUnits(text, word, run)) eachUnit(text, (u) => (u.kind === "word" ? word(u.text) : run(u.text)));
}

// The units of most text without the unit pattern (no match arrays, no Unit objects): ASCII
// letters and digits, Han of the main block (no folding needed), and separators. Text with any
// other letter, digit or mark goes the general way (eachUnit). Classes of the BMP, by character.
const SEP = 0;
const ALNUM = 1;
const HAN = 2;
const APOS = 3;
const OTHER = 4;
const UNKNOWN = 255;
// Filled as characters are met (a whole table at once took 26 ms: the first save would wait).
const classes = new Uint8Array(0x10000).fill(UNKNOWN);
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u; // alone, a character is a unit if CJK or one of these

function classOf(c: number): number {
  const ch = String.fromCharCode(c);
  if (c >= 0xd800 && c <= 0xdfff) return OTHER;
  if (ch === "'" || ch === "’") return APOS;
  if (!CJK_CHAR.test(ch) && !WORD_CHAR.test(ch)) return SEP;
  if (ASCII_WORD.test(ch)) return ALNUM;
  if (PLAIN_HAN.test(ch)) return HAN;
  return OTHER;
}

/**
 * The units of `text` (words to `word`, CJK runs to `run`, in order, until one returns false)
 * when every character is one of the plain classes; false, having visited nothing, otherwise.
 * The same units as eachUnit: `plainUnits` in text.test.ts compares them.
 */
export function plainUnits(text: string, word: (w: string) => boolean, run: (r: string) => boolean): boolean {
  const cls = classes;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    let c = cls[code]!;
    if (c === UNKNOWN) c = cls[code] = classOf(code);
    if (c === OTHER) return false;
  }
  for (let i = 0; i < n;) {
    const c = cls[text.charCodeAt(i)]!;
    if (c === HAN) {
      const start = i;
      while (i < n && cls[text.charCodeAt(i)] === HAN) i++;
      if (!run(text.slice(start, i))) return true;
    } else if (c === ALNUM) {
      const start = i;
      for (;;) {
        while (i < n && cls[text.charCodeAt(i)] === ALNUM) i++;
        // An apostrophe joins two runs of letters (agency's, rock'n'roll).
        if (i + 1 < n && cls[text.charCodeAt(i)] === APOS && cls[text.charCodeAt(i + 1)] === ALNUM) i++;
        else break;
      }
      const w = normalizeWord(text.slice(start, i));
      if (w && !word(w)) return true;
    } else i++;
  }
  return true;
}

/** The tokens of `text` (scanTokens) and their positions. */
export function tokenPositions(text: string, max = Infinity): TokenPositions {
  const named = new Map<string, number[]>();
  const coded = new Map<number, number[]>();
  const add = <K>(map: Map<K, number[]>, token: K, at: number) => {
    const list = map.get(token);
    if (list) list.push(at);
    else map.set(token, [at]);
  };
  let previous = "";
  scanTokens(text, max, {
    code: (code, at) => add(coded, code, at),
    name: (token, at) => add(named, token, at),
    word(word, at, paired) {
      if (paired) add(named, `${previous} ${word}`, at - 1);
      add(named, word, at);
      previous = word;
    },
  });
  return { named, coded };
}

/** tokenPositions as one map token → positions. */
export function positionalTokens(text: string, max = Infinity): Map<string, number[]> {
  const { named, coded } = tokenPositions(text, max);
  for (const [code, list] of coded) named.set(tokenOfCode(code), list);
  return named;
}

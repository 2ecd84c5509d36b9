// Deterministic generator of bilingual press releases for the search benchmark. Word and character
// frequencies follow Zipf's law over a large synthetic vocabulary (plus real domain words), so
// common terms match many releases and most terms match few — like real text, with no data set.

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON_ZH =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

const DOMAIN_ZH = [
  "知识产权",
  "知识产权局",
  "专利",
  "商标",
  "审查",
  "合作",
  "会议",
  "疫情",
  "防控",
  "国家",
  "发展",
  "创新",
  "保护",
  "视频会议",
  "高质量",
  "地理标志",
  "集成电路",
  "布图设计",
  "专利代理",
  "审查员",
  "申请人",
  "复审",
  "无效宣告",
  "数据",
  "服务",
  "企业",
  "国际",
  "双边",
  "多边",
  "框架",
  "协议",
  "备忘录",
  "局长",
  "副局长",
  "代表团",
  "研讨会",
  "培训",
  "执法",
  "维权",
  "援助",
];
const DOMAIN_EN = [
  "patent",
  "trademark",
  "office",
  "examination",
  "cooperation",
  "conference",
  "intellectual",
  "property",
  "national",
  "development",
  "innovation",
  "protection",
  "video",
  "quality",
  "geographical",
  "indication",
  "integrated",
  "circuit",
  "agent",
  "examiner",
  "applicant",
  "review",
  "invalidation",
  "data",
  "service",
  "enterprise",
  "international",
  "bilateral",
  "multilateral",
  "framework",
  "agreement",
  "memorandum",
  "commissioner",
  "deputy",
  "delegation",
  "seminar",
  "training",
  "enforcement",
  "rights",
  "assistance",
  "epidemic",
  "policy",
  "meeting",
  "program",
  "report",
  "the",
  "and",
  "of",
  "to",
  "in",
];

/** Zipf sampler over ranks 0..n-1 (s = 1), by inverse transform on the harmonic CDF. */
function zipf(n: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / (i + 1);
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export interface Vocabulary {
  zh: string[];
  en: string[];
  chars: string[];
}

export function vocabulary(seed = 1, size = 30_000): Vocabulary {
  const random = rng(seed);
  const chars = Array.from(COMMON_ZH);
  const seen = new Set(chars);
  // A long tail of rarer ideographs from the CJK Unified block.
  while (chars.length < 3_000) {
    const c = String.fromCodePoint(0x4e00 + Math.floor(random() * (0x9fa5 - 0x4e00)));
    if (!seen.has(c)) {
      seen.add(c);
      chars.push(c);
    }
  }
  const pickChar = zipf(chars.length, random);
  const zh = new Set(DOMAIN_ZH);
  while (zh.size < size) {
    const len = 2 + Math.floor(random() * random() * 3);
    zh.add(Array.from({ length: len }, () => chars[pickChar()]!).join(""));
  }
  const on = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "st", "tr", "gr", "ch"];
  const nu = ["a", "e", "i", "o", "u", "ea", "io", "ou"];
  const en = new Set(DOMAIN_EN);
  while (en.size < size) {
    const syllables = 1 + Math.floor(random() * 3);
    let w = "";
    for (let i = 0; i < syllables; i++)
      w += on[Math.floor(random() * on.length)]! + nu[Math.floor(random() * nu.length)]!;
    en.add(w + (random() < 0.5 ? ["n", "r", "t", "l", "m", "ng", "nt"][Math.floor(random() * 7)]! : ""));
  }
  // Shuffle so domain words get mixed ranks, not all the most frequent ones.
  const shuffle = (xs: string[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  return { zh: shuffle([...zh]), en: shuffle([...en]), chars };
}

export interface GeneratedText {
  title: string;
  summary: string;
  bodyText: string;
}

export function textGenerator(vocab: Vocabulary, seed: number) {
  const random = rng(seed);
  const zhWord = zipf(vocab.zh.length, random);
  const enWord = zipf(vocab.en.length, random);
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

  const zhText = (chars: number) => {
    let out = "";
    let sentence = 0;
    while (out.length < chars) {
      out += vocab.zh[zhWord()]!;
      if (++sentence > between(6, 14)) {
        out += random() < 0.7 ? "，" : "。";
        sentence = 0;
      }
    }
    return `${out}。`;
  };
  const enText = (words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const w = vocab.en[enWord()]!;
      out.push(random() < 0.12 && w.length > 3 ? `${w}s` : w);
    }
    const s = out.join(" ");
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  return {
    zh: (): GeneratedText => ({
      title: zhText(between(10, 26)),
      summary: zhText(between(50, 110)),
      bodyText: zhText(between(300, 1100)),
    }),
    en: (): GeneratedText => ({
      title: enText(between(5, 12)),
      summary: enText(between(20, 40)),
      bodyText: enText(between(150, 480)),
    }),
    random,
  };
}

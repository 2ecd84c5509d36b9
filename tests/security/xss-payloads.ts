// Hostile strings and documents that must never execute wherever user text is output.
// Every payload that could run sets window.__xss (or opens a dialog), so a browser test can tell.

export const TEXT_PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `</script><script>window.__xss=2</script>`,
  `<img src=x onerror="window.__xss=3">`,
  `<svg onload="window.__xss=4"><circle r="1"/></svg>`,
  `"><script>window.__xss=5</script>`,
  `'><img src=x onerror=window.__xss=6>`,
  `<iframe src="javascript:window.__xss=7"></iframe>`,
  `<a href="javascript:window.__xss=8">x</a>`,
  `<body onload=window.__xss=9>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=10>`,
  `<!--<img src=x onerror=window.__xss=11>-->`,
  `]]><script>window.__xss=12</script><![CDATA[`,
  `{{constructor.constructor('window.__xss=13')()}}`,
  `\u202e<script>window.__xss=14</script>`,
  `＜script＞window.__xss=15＜/script＞`,
  `\u2028\u2029</script><script>window.__xss=16</script>`,
  `<style>@import 'javascript:window.__xss=17';</style>`,
  `<object data="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTg8L3NjcmlwdD4="></object>`,
  `<details open ontoggle=window.__xss=19>`,
  `&lt;script&gt;window.__xss=20&lt;/script&gt;`,
] as const;

export const HOSTILE_HREFS = [
  "javascript:window.__xss=30",
  "JaVaScRiPt:window.__xss=31",
  " javascript:window.__xss=32",
  "java\tscript:window.__xss=33",
  "java\nscript:window.__xss=34",
  "&#106;avascript:window.__xss=35",
  "data:text/html,<script>window.__xss=36</script>",
  "vbscript:msgbox(37)",
  "//evil.example/x",
  "\u0000javascript:window.__xss=38",
  "/\\evil.example/backslash",
  "https://gov.example@evil.example/credentials",
  "/%2F%2Fevil.example/encoded",
] as const;

/** A tiptap document that abuses every extension point: links, unknown nodes, attributes. */
export function hostileDoc(): unknown {
  const text = (t: string) => ({ type: "text", text: t });
  return {
    type: "doc",
    content: [
      ...TEXT_PAYLOADS.map((p) => ({ type: "paragraph", content: [text(p)] })),
      {
        type: "paragraph",
        content: HOSTILE_HREFS.map((href, i) => ({
          type: "text",
          text: `link${i} `,
          marks: [{ type: "link", attrs: { href, onclick: "window.__xss=40", target: "_self" } }],
        })),
      },
      { type: "heading", attrs: { level: "1 onmouseover=window.__xss=41" }, content: [text("heading")] },
      { type: "html", attrs: { html: "<script>window.__xss=42</script>" }, content: [text("unknown node")] },
      { type: "image", attrs: { src: "javascript:window.__xss=43", onerror: "window.__xss=44" } },
      { type: "script", content: [text("window.__xss=45")] },
      {
        type: "paragraph",
        attrs: { style: "background:url(javascript:window.__xss=46)", onclick: "window.__xss=47" },
        content: [text("styled")],
      },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "marked", marks: [{ type: "evil", attrs: { onmouseover: "window.__xss=48" } }] },
        ],
      },
      {
        type: "paragraph",
        content: [
          text("https://ok.example/?q=<script>"),
          { type: "text", text: "safe", marks: [{ type: "link", attrs: { href: "https://ok.example/" } }] },
        ],
      },
    ],
  };
}

/**
 * The payloads as a document the editor's schema accepts (rich-text-schema.ts): text in every
 * kind of block and in a link, which is what a save can store today. hostileDoc() is refused by
 * every save and import; it stands for bodies stored before that check, which the renderers must
 * still neutralise.
 */
export function storableHostileDoc(): unknown {
  const text = (t: string) => ({ type: "text", text: t });
  return {
    type: "doc",
    content: [
      ...TEXT_PAYLOADS.map((p) => ({ type: "paragraph", content: [text(p)] })),
      { type: "heading", attrs: { level: 2 }, content: [text(TEXT_PAYLOADS[0])] },
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [{ type: "paragraph", content: [text(TEXT_PAYLOADS[2])] }] }],
      },
      { type: "blockquote", content: [{ type: "paragraph", content: [text(TEXT_PAYLOADS[3])] }] },
      {
        type: "paragraph",
        content: [
          {
            type: "text",
            text: TEXT_PAYLOADS[4],
            marks: [{ type: "bold" }, { type: "link", attrs: { href: "https://ok.example/?q=<script>" } }],
          },
        ],
      },
    ],
  };
}

export const PAYLOAD_COUNT = TEXT_PAYLOADS.length + HOSTILE_HREFS.length + 9;

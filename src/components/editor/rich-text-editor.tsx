"use client";
import Image from "@tiptap/extension-image";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MediaPicker } from "@/components/media/media-picker";
import { safeHref } from "@/components/site/rich-text";
import { parseDoc } from "@/domain/release/content";

// The tiptap editor for release bodies: paragraphs, headings, bold, italic, lists, links, quotes,
// images from our media library. Pasted HTML is parsed against this schema, so Word/web structure
// survives and styles do not; pasted images survive only when they are already our media.

const extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: { openOnClick: false, autolink: true, isAllowedUri: (url) => safeHref(url) !== null },
  }),
  Image.extend({ parseHTML: () => [{ tag: 'img[src^="/media/"]' }] }).configure({ inline: false, allowBase64: false }),
];

export interface RichTextEditorProps {
  label: string;
  /** tiptap JSON document, serialized */
  value: string;
  onChange: (json: string) => void;
  invalid?: boolean;
  describedBy?: string;
  /** bump to replace the editor's content with `value` (restore, use theirs) */
  resetKey?: number;
  /** the document's language: inserted images take their alt text in it */
  locale?: "zh" | "en";
}

export function RichTextEditor({
  label,
  value,
  onChange,
  invalid,
  describedBy,
  resetKey = 0,
  locale = "zh",
}: RichTextEditorProps) {
  const labelId = useId();
  const editor = useEditor({
    extensions,
    content: parseDoc(value),
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(invalid ? { "aria-invalid": "true" } : {}),
        class: "prose-editor",
      },
    },
    onUpdate: ({ editor: e }) => onChange(JSON.stringify(e.getJSON())),
  });

  useEffect(() => {
    if (editor && resetKey > 0) editor.commands.setContent(parseDoc(value), { emitUpdate: false });
    // Only an explicit reset replaces the content; typing must not loop back into the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, resetKey]);

  return (
    <div className="field">
      <span className="label" id={labelId}>
        {label}
      </span>
      {editor && <Toolbar editor={editor} locale={locale} />}
      <EditorContent editor={editor} className="editor-frame" />
    </div>
  );
}

function Toolbar({ editor, locale }: { editor: Editor; locale: "zh" | "en" }) {
  const { t } = useTranslation("admin");
  const [picking, setPicking] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
    }),
  });
  const chain = () => editor.chain().focus();
  const setLink = () => {
    const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
    const url = window.prompt(t("editor.linkPrompt"), previous);
    if (url === null) return;
    if (url.trim() === "") return void chain().extendMarkRange("link").unsetLink().run();
    const href = safeHref(url);
    if (!href) return void window.alert(t("editor.linkInvalid"));
    chain().extendMarkRange("link").setLink({ href }).run();
  };
  const buttons: [string, boolean, () => void][] = [
    ["bold", active.bold, () => chain().toggleBold().run()],
    ["italic", active.italic, () => chain().toggleItalic().run()],
    ["h2", active.h2, () => chain().toggleHeading({ level: 2 }).run()],
    ["h3", active.h3, () => chain().toggleHeading({ level: 3 }).run()],
    ["bulletList", active.bullet, () => chain().toggleBulletList().run()],
    ["orderedList", active.ordered, () => chain().toggleOrderedList().run()],
    ["blockquote", active.quote, () => chain().toggleBlockquote().run()],
    ["link", active.link, setLink],
  ];
  return (
    <div role="toolbar" aria-label={t("editor.toolbar")} className="editor-toolbar">
      {buttons.map(([name, pressed, run]) => (
        <button key={name} type="button" className="secondary" aria-pressed={pressed} onClick={run}>
          {t(`editor.${name}`)}
        </button>
      ))}
      <button type="button" className="secondary" onClick={() => chain().undo().run()}>
        {t("editor.undo")}
      </button>
      <button type="button" className="secondary" onClick={() => chain().redo().run()}>
        {t("editor.redo")}
      </button>
      <button type="button" className="secondary" aria-haspopup="dialog" onClick={() => setPicking(true)}>
        {t("editor.image")}
      </button>
      {picking && (
        <MediaPicker
          locale={locale}
          onClose={() => setPicking(false)}
          onInsert={(image) => {
            setPicking(false);
            chain().setImage(image).run();
          }}
        />
      )}
    </div>
  );
}

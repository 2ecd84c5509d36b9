"use client";
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { MediaPicker } from "@/components/media/media-picker";
import { safeHref } from "@/components/site/rich-text";
import { EMPTY_DOC, parseDoc, type Doc } from "@/domain/release/content";
import { checkDoc, editorExtensions } from "@/domain/release/rich-text-schema";
import { UnsupportedBody } from "./unsupported-body";

// The tiptap editor for release bodies: paragraphs, headings, bold, italic, lists, links, quotes,
// images from our media library. Pasted HTML is parsed against this schema, so Word/web structure
// survives and styles do not; pasted images survive only when they are already our media. The
// extension list lives in src/domain/release/rich-text-schema.ts: the server checks every save
// against the same schema.

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
  // A body the schema refuses is never loaded into tiptap (it would drop what it does not know).
  const [problem, setProblem] = useState(() => checkDoc(parseDoc(value)));
  const editor = useEditor({
    extensions: editorExtensions,
    content: problem ? EMPTY_DOC : parseDoc(value),
    editable: !problem,
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

  const load = (doc: Doc, emitUpdate: boolean) => {
    const found = checkDoc(doc);
    setProblem(found);
    editor?.commands.setContent(found ? EMPTY_DOC : doc, { emitUpdate });
    // setEditable emits an update by default: with the old content, it would undo this reset in the form.
    editor?.setEditable(!found, false);
  };

  useEffect(() => {
    // Only an explicit reset replaces the content; typing must not loop back into the editor. The
    // reset comes from outside (restore, use theirs), so its check result is state set here.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (editor && resetKey > 0) load(parseDoc(value), false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, resetKey]);

  return (
    <div className="field">
      <span className="label" id={labelId}>
        {label}
      </span>
      {problem ? (
        <UnsupportedBody
          doc={parseDoc(value)}
          problem={problem}
          onReplace={editor ? (doc) => load(doc, true) : undefined}
        />
      ) : (
        editor && <Toolbar editor={editor} locale={locale} />
      )}
      <EditorContent editor={editor} className="editor-frame" hidden={!!problem} />
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

import { EditorContent, isMacOS, useEditor, useEditorState, type Editor } from '@tiptap/react'
import { useRouteLoaderData } from '@remix-run/react'
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import {
  documentToText,
  emptyDocument,
  parseRichTextField,
  plainTextToDocument,
  RichTextDocumentSchema,
  stripUnsafeCharacters,
  type RichTextDocument,
} from '#app/editor/document.ts'
import { createRichTextExtensions, isAllowedLinkHref } from '#app/editor/extensions.ts'
import { cleanPastedHtml } from '#app/editor/paste.client.ts'
import { ErrorList, TextareaField, type ListOfErrors } from './forms.tsx'
import { MentionSuggestionList, useMentionSuggestions } from './mention-suggestions.tsx'

/**
 * The rich-text field of a Remix <Form>. On the server and without JavaScript it is a labelled
 * textarea (TextareaField) holding the text of `defaultValue`; the server converts that text
 * into a document (parseRichTextField in app/editor/document.ts). After hydration Tiptap takes
 * over with the shared extension list, and a hidden input of the same `name` carries the JSON,
 * so exactly one value is submitted either way. Typing "@" offers members to mention
 * (mention-suggestions.tsx); the textarea has no mentions.
 *
 * CSP (style-src 'self'): nothing here sets a style attribute, Tiptap's own <style> tag is
 * turned off (injectCSS: false; the rules are in app/styles/app.css), the extension list has no
 * drop cursor, table resizing or table node view (they position with inline styles), and pasted
 * HTML loses its style attributes and handlers before it is parsed (app/editor/paste.client.ts).
 */

type Props = {
  name: string
  label: ReactNode
  hint?: ReactNode
  errors?: ListOfErrors
  /**
   * Stored ProseMirror JSON (validated here again), the field's submitted value after a
   * refused submit (the editor's JSON or the textarea's text), or null for an empty field.
   */
  defaultValue?: RichTextDocument | string | null
  id?: string
}

const LINK_ERROR = 'Skriv en adress som börjar med https://, http:// eller mailto:.'

function validDocument(value: unknown): RichTextDocument | null {
  if (typeof value === 'string') {
    const parsed = parseRichTextField(value, { allowEmpty: true })
    return parsed.ok ? parsed.doc : null
  }
  const result = RichTextDocumentSchema.safeParse(value)
  return result.success ? result.data : null
}

/** "www.example.se" → "https://www.example.se", "namn@kommun.se" → "mailto:namn@kommun.se". */
function normaliseLinkInput(input: string): string {
  const value = input.trim()
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`
  return `https://${value}`
}

/** The no-JavaScript textarea's current value, when this render is the hydration of it. */
function readTextarea(id: string, name: string): string | null {
  if (typeof document === 'undefined') return null
  const element = document.getElementById(id)
  return element instanceof HTMLTextAreaElement && element.name === name ? element.value : null
}

/** The hidden input always holds the editor's current JSON (React does not re-render per keystroke). */
function writeHidden(input: HTMLInputElement | null, editor: Editor) {
  if (input) input.value = JSON.stringify(editor.getJSON())
}

export function RichTextEditor({ name, label, hint, errors, defaultValue, id }: Props) {
  const fallbackId = useId()
  const inputId = id ?? fallbackId
  // The same ids TextareaField derives, so both forms of the field are described alike.
  const hintId = hint ? `${inputId}-hint` : undefined
  const errorId = errors?.some(Boolean) ? `${inputId}-error` : undefined
  const labelId = `${inputId}-label`
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined

  const initialDoc = useMemo(() => validDocument(defaultValue) ?? emptyDocument(), [defaultValue])
  const initialText = useMemo(() => documentToText(initialDoc, { forEditing: true }), [initialDoc])

  // React puts a textarea back to its server value while hydrating, so what a member typed
  // before the JavaScript arrived is read during the first client render, before that happens.
  const [typedBeforeHydration] = useState(() => readTextarea(inputId, name))
  const startDoc = useMemo(
    () => (typedBeforeHydration !== null && typedBeforeHydration.trim() !== initialText.trim() ? plainTextToDocument(typedBeforeHydration) : initialDoc),
    [typedBeforeHydration, initialText, initialDoc],
  )
  const hiddenInput = useRef<HTMLInputElement | null>(null)
  const mentions = useMentionSuggestions(`${inputId}-mentions`)
  const extensions = useMemo(() => createRichTextExtensions(mentions.suggestion), [mentions.suggestion])

  const editorProps = useMemo(
    () => ({
      attributes: {
        id: inputId,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelId,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(errorId ? { 'aria-invalid': 'true' } : {}),
        ...(mentions.listboxId ? { 'aria-controls': mentions.listboxId } : {}),
        ...(mentions.activeOptionId ? { 'aria-activedescendant': mentions.activeOptionId } : {}),
        class: 'rich-text rich-text-editor-content',
      },
      transformPastedText: (text: string) => stripUnsafeCharacters(text),
      transformPastedHTML: cleanPastedHtml,
    }),
    [inputId, labelId, describedBy, errorId, mentions.listboxId, mentions.activeOptionId],
  )

  const editor = useEditor({
    immediatelyRender: false,
    injectCSS: false,
    extensions,
    content: startDoc,
    editorProps,
    onCreate: ({ editor: created }) => writeHidden(hiddenInput.current, created),
    onUpdate: ({ editor: updated }) => writeHidden(hiddenInput.current, updated),
    onBlur: mentions.hide,
  })

  // A form reset (e.g. after a successful post) empties the editor along with the form.
  useEffect(() => {
    const form = hiddenInput.current?.form
    if (!editor || !form) return
    const onReset = () => {
      editor.commands.setContent(initialDoc)
      writeHidden(hiddenInput.current, editor)
    }
    form.addEventListener('reset', onReset)
    return () => form.removeEventListener('reset', onReset)
  }, [editor, initialDoc])

  if (!editor) {
    return <TextareaField id={inputId} name={name} label={label} hint={hint} errors={errors} defaultValue={initialText} rows={12} />
  }

  return (
    <div className="field rich-text-editor">
      {/* Not a <label for>: the editable area is not a form control, it points here with aria-labelledby. */}
      <label id={labelId} onClick={() => editor.commands.focus()}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
      <Toolbar editor={editor} controls={inputId} />
      <EditorContent editor={editor} />
      <MentionSuggestionList {...mentions.listProps} />
      {/* Only the editor writes this value (onCreate/onUpdate): a React-managed value would be
          put back to the initial document when a refused submit re-renders the form. */}
      <input ref={hiddenInput} type="hidden" name={name} />
      <ErrorList id={errorId} errors={errors} />
    </div>
  )
}

type ToolbarButtonProps = {
  label: string
  /** Tiptap's default shortcut, written with "Ctrl" (shown as ⌘ on a Mac). */
  shortcut?: string
  pressed?: boolean
  expanded?: boolean
  disabled?: boolean
  onClick: () => void
  children: ReactNode
}

function ToolbarButton({ label, shortcut, pressed, expanded, disabled, onClick, children }: ToolbarButtonProps) {
  // The toolbar only exists in the browser, so the platform can be asked.
  const keys = shortcut && isMacOS() ? shortcut.replace('Ctrl', '⌘') : shortcut
  return (
    <button
      type="button"
      className="rich-text-toolbar-button"
      aria-label={label}
      title={keys ? `${label} (${keys})` : label}
      aria-pressed={pressed}
      aria-expanded={expanded}
      disabled={disabled}
      // Keep the editor's selection while the pointer is down; keyboard users are unaffected.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  )
}

function Toolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      strike: current.isActive('strike'),
      code: current.isActive('code'),
      heading2: current.isActive('heading', { level: 2 }),
      heading3: current.isActive('heading', { level: 3 }),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      codeBlock: current.isActive('codeBlock'),
      table: current.isActive('table'),
    }),
  })
  const [linkFormOpen, setLinkFormOpen] = useState(false)
  const [imageStatus, setImageStatus] = useState<ImageStatus>(null)
  const run = () => editor.chain().focus()

  return (
    <>
      <div role="toolbar" aria-label="Textformat" aria-controls={controls} className="rich-text-toolbar">
        <ToolbarButton label="Fetstil" shortcut="Ctrl+B" pressed={state.bold} onClick={() => run().toggleBold().run()}>
          F
        </ToolbarButton>
        <ToolbarButton label="Kursiv" shortcut="Ctrl+I" pressed={state.italic} onClick={() => run().toggleItalic().run()}>
          K
        </ToolbarButton>
        <ToolbarButton label="Genomstruken" shortcut="Ctrl+Skift+S" pressed={state.strike} onClick={() => run().toggleStrike().run()}>
          S
        </ToolbarButton>
        <ToolbarButton label="Kod" shortcut="Ctrl+E" pressed={state.code} onClick={() => run().toggleCode().run()}>
          {'</>'}
        </ToolbarButton>
        <ToolbarButton label="Rubrik" shortcut="Ctrl+Alt+2" pressed={state.heading2} onClick={() => run().toggleHeading({ level: 2 }).run()}>
          R
        </ToolbarButton>
        <ToolbarButton label="Underrubrik" shortcut="Ctrl+Alt+3" pressed={state.heading3} onClick={() => run().toggleHeading({ level: 3 }).run()}>
          U
        </ToolbarButton>
        <ToolbarButton label="Punktlista" shortcut="Ctrl+Skift+8" pressed={state.bulletList} onClick={() => run().toggleBulletList().run()}>
          •
        </ToolbarButton>
        <ToolbarButton label="Numrerad lista" shortcut="Ctrl+Skift+7" pressed={state.orderedList} onClick={() => run().toggleOrderedList().run()}>
          1.
        </ToolbarButton>
        <ToolbarButton label="Citat" shortcut="Ctrl+Skift+B" pressed={state.blockquote} onClick={() => run().toggleBlockquote().run()}>
          ”
        </ToolbarButton>
        <ToolbarButton label="Kodblock" shortcut="Ctrl+Alt+C" pressed={state.codeBlock} onClick={() => run().toggleCodeBlock().run()}>
          {'{ }'}
        </ToolbarButton>
        <ToolbarButton label="Länk" expanded={linkFormOpen} onClick={() => setLinkFormOpen((open) => !open)}>
          Länk
        </ToolbarButton>
        <ImageUploadButton editor={editor} onStatus={setImageStatus} />
        <ToolbarButton label="Tabell" disabled={state.table} onClick={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}>
          ▦
        </ToolbarButton>
        {state.table ? (
          <>
            <ToolbarButton label="Lägg till rad" onClick={() => run().addRowAfter().run()}>
              +rad
            </ToolbarButton>
            <ToolbarButton label="Lägg till kolumn" onClick={() => run().addColumnAfter().run()}>
              +kol
            </ToolbarButton>
            <ToolbarButton label="Ta bort rad" onClick={() => run().deleteRow().run()}>
              −rad
            </ToolbarButton>
            <ToolbarButton label="Ta bort kolumn" onClick={() => run().deleteColumn().run()}>
              −kol
            </ToolbarButton>
            <ToolbarButton label="Ta bort tabell" onClick={() => run().deleteTable().run()}>
              ×
            </ToolbarButton>
          </>
        ) : null}
      </div>
      {linkFormOpen ? <LinkForm editor={editor} onClose={() => setLinkFormOpen(false)} /> : null}
      <p className={imageStatus?.error ? 'error-list' : 'hint'} role={imageStatus?.error ? 'alert' : 'status'}>
        {imageStatus?.message ?? ''}
      </p>
    </>
  )
}

type ImageStatus = { message: string; error: boolean } | null

/**
 * "Bild": picks an image, uploads it to /filer/bild (CSRF token from the root loader) and
 * inserts it. The file input has no name, so the surrounding form never submits it.
 */
function ImageUploadButton({ editor, onStatus }: { editor: Editor; onStatus: (status: ImageStatus) => void }) {
  const csrfToken = useRouteLoaderData<{ csrfToken: string }>('root')?.csrfToken ?? ''
  const fileInput = useRef<HTMLInputElement | null>(null)
  const [busy, setBusy] = useState(false)

  async function upload(file: File) {
    setBusy(true)
    onStatus({ message: `Laddar upp ${file.name} …`, error: false })
    const body = new FormData()
    body.append('csrf', csrfToken)
    body.append('website', '')
    body.append('bild', file)
    try {
      const response = await fetch('/filer/bild', { method: 'POST', body, headers: { Accept: 'application/json' } })
      const result = (await response.json().catch(() => null)) as { src?: string; alt?: string; error?: string; message?: string } | null
      if (!response.ok || !result?.src) {
        onStatus({ message: result?.error ?? result?.message ?? 'Bilden kunde inte laddas upp.', error: true })
        return
      }
      editor
        .chain()
        .focus()
        .setImage({ src: result.src, alt: result.alt ?? '' })
        .run()
      onStatus({ message: `Bilden ${file.name} är infogad.`, error: false })
    } catch {
      onStatus({ message: 'Bilden kunde inte laddas upp. Kontrollera anslutningen och försök igen.', error: true })
    } finally {
      setBusy(false)
      if (fileInput.current) fileInput.current.value = ''
    }
  }

  return (
    <>
      <ToolbarButton label="Bild" disabled={busy} onClick={() => fileInput.current?.click()}>
        Bild
      </ToolbarButton>
      <input
        ref={fileInput}
        type="file"
        accept=".png,.jpg,.jpeg,.gif,.webp"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0]
          if (file) void upload(file)
        }}
      />
    </>
  )
}

/**
 * Not a <form>: it sits inside the page's <Form>, and forms cannot nest. Enter applies, Escape
 * cancels; the address input has no name, so it is never submitted.
 */
function LinkForm({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const inputId = useId()
  const errorId = `${inputId}-error`
  const [href, setHref] = useState(() => {
    const current: unknown = editor.getAttributes('link').href
    return typeof current === 'string' ? current : ''
  })
  const [error, setError] = useState<string | null>(null)

  const close = () => {
    onClose()
    editor.commands.focus()
  }

  const apply = () => {
    const value = normaliseLinkInput(href)
    if (!value) {
      editor.chain().focus().extendMarkRange('link').unsetLink().run()
      onClose()
      return
    }
    if (!isAllowedLinkHref(value)) {
      setError(LINK_ERROR)
      return
    }
    const { empty } = editor.state.selection
    if (empty && !editor.isActive('link')) {
      editor
        .chain()
        .focus()
        .insertContent({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href: value } }] })
        .run()
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run()
    }
    onClose()
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      apply()
    } else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    }
  }

  return (
    <div role="group" aria-label="Länk" className="rich-text-link-form">
      <label htmlFor={inputId}>Adress</label>
      <input
        id={inputId}
        // Not type="url": the browser would then check it when the page's form is submitted.
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="https://"
        // A freshly opened dialog-like group takes focus; no effect needed.
        autoFocus
        value={href}
        onChange={(event) => {
          setHref(event.currentTarget.value)
          setError(null)
        }}
        onKeyDown={onKeyDown}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button type="button" onClick={apply}>
        Spara länk
      </button>
      {editor.isActive('link') ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run()
            onClose()
          }}
        >
          Ta bort länk
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={close}>
        Avbryt
      </button>
      <ErrorList id={error ? errorId : undefined} errors={[error]} />
    </div>
  )
}

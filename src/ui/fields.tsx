import { memo, type ReactNode } from 'react'
import { keepUnitsWhole } from './format'

/**
 * Whether a field would render the same: every prop but its handlers equal.
 * Handlers are not compared, so a keystroke in one field re-renders that field
 * only, not the dozen beside it (each re-rendered input also costs the browser
 * a style pass). So a field's handlers must act on what they are given and on
 * the store as it is when they run, never on values captured at render time,
 * which a skipped render would leave stale; every handler here does.
 */
export function sameFieldProps(prev: object, next: object): boolean {
  const a = prev as Record<string, unknown>
  const b = next as Record<string, unknown>
  for (const key in a) if (!(key in b)) return false
  for (const key in b) {
    const x = a[key]
    const y = b[key]
    if (typeof x === 'function' && typeof y === 'function') continue
    if (!Object.is(x, y)) return false
  }
  return true
}

/** The ids that tie a field to its hint and its error, for aria-describedby. */
function describedBy(id: string, hint: ReactNode, error: string | undefined, linkNote?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : '', linkNote ? `${id}-link` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/** A visually hidden suffix that keeps labels of later functions unique. */
export function LabelSuffix({ text }: { text?: string }) {
  return text ? <span className="visually-hidden"> ({text})</span> : null
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p className="field-error" id={`${id}-error`}>
      {keepUnitsWhole(error)}
    </p>
  ) : null
}

/** Says that the shareable link leaves a field's value out. */
export function LinkNote({ id, note }: { id: string; note?: string }) {
  return note ? (
    <p className="field-link-note" id={`${id}-link`}>
      {keepUnitsWhole(note)}
    </p>
  ) : null
}

/** A field's hint and error, under it, with the ids its aria-describedby names. */
function FieldNotes({ id, hint, error, linkNote }: { id: string; hint: ReactNode; error?: string; linkNote?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {typeof hint === 'string' ? keepUnitsWhole(hint) : hint}
        </p>
      ) : null}
      <FieldError id={id} error={error} />
      <LinkNote id={id} note={linkNote} />
    </>
  )
}

interface NumberFieldProps {
  id: string
  label: string
  labelSuffix?: string
  value: string
  onChange: (value: string) => void
  error?: string
  hint?: ReactNode
  unit?: string
  /** Extra controls after the input, e.g. a unit select. */
  after?: ReactNode
  className?: string
  /** Said when the shareable link leaves this value out. */
  linkNote?: string
  /** Shown in an empty field, e.g. the value empty stands for. */
  placeholder?: string
}

/**
 * A number typed as text: whatever the user types stays exactly as typed
 * (an `<input type="number">` would drop invalid text), and the engine's
 * message appears beside it.
 */
function NumberFieldImpl({ id, label, labelSuffix, value, onChange, error, hint, unit, after, className, linkNote, placeholder }: NumberFieldProps) {
  return (
    <div className={`field ${className ?? ''}`} data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>
        {label}
        <LabelSuffix text={labelSuffix} />
      </label>
      <div className="field-row">
        <div className="input-with-unit">
          <input
            id={id}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={value}
            placeholder={placeholder}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(id, hint, error, linkNote)}
            onChange={(e) => onChange(e.target.value)}
          />
          {unit ? (
            <span className="unit" aria-hidden="true">
              {unit}
            </span>
          ) : null}
        </div>
        {after}
      </div>
      <FieldNotes id={id} hint={hint} error={error} linkNote={linkNote} />
    </div>
  )
}

interface SelectFieldProps<T extends string> {
  id: string
  label: string
  labelSuffix?: string
  value: T
  options: readonly { value: T; label: string }[]
  onChange: (value: T) => void
  disabled?: boolean
  hint?: ReactNode
  error?: string
  className?: string
  /** Said when the shareable link leaves this value out. */
  linkNote?: string
}

function SelectFieldImpl<T extends string>({
  id,
  label,
  labelSuffix,
  value,
  options,
  onChange,
  disabled,
  hint,
  error,
  className,
  linkNote,
}: SelectFieldProps<T>) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>
        {label}
        <LabelSuffix text={labelSuffix} />
      </label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error, linkNote)}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} linkNote={linkNote} />
    </div>
  )
}

interface CheckboxFieldProps {
  id: string
  label: string
  labelSuffix?: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: ReactNode
  error?: string
  linkNote?: string
}

/** A yes/no field with its hint and the engine's message beside it. */
function CheckboxFieldImpl({ id, label, labelSuffix, checked, onChange, hint, error, linkNote }: CheckboxFieldProps) {
  return (
    <div className="field checkbox-field" data-invalid={error ? 'true' : undefined}>
      <label className="checkbox" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error, linkNote)}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
        <LabelSuffix text={labelSuffix} />
      </label>
      <FieldNotes id={id} hint={hint} error={error} linkNote={linkNote} />
    </div>
  )
}

export const NumberField = memo(NumberFieldImpl, sameFieldProps)
export const SelectField = memo(SelectFieldImpl, sameFieldProps) as typeof SelectFieldImpl
export const CheckboxField = memo(CheckboxFieldImpl, sameFieldProps)

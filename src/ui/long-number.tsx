import { Fragment } from 'react'

/** Figures up to this many characters never break: "$1,234,567.89" stays on one line. */
const UNBROKEN_UP_TO = 14

/**
 * A figure that never breaks inside its sign and first group ("−$131,"), and
 * past 14 characters may wrap after a thousands separator when it is too long
 * for its column ("$135,000,<wbr>000,000,000,000.00" on a phone). The text is
 * the same: break opportunities (`<wbr>`) add no characters.
 */
export function LongNumber({ text }: { text: string }) {
  if (text.length <= UNBROKEN_UP_TO) return <span className="nowrap">{text}</span>
  const [first, ...rest] = text.split(',')
  return (
    <>
      <span className="nowrap">
        {first}
        {rest.length > 0 ? ',' : ''}
      </span>
      {rest.map((part, i) => (
        <Fragment key={i}>
          <wbr />
          {part}
          {i < rest.length - 1 ? ',' : ''}
        </Fragment>
      ))}
    </>
  )
}

import { Fragment } from 'react'

/** Figures up to this many characters never break: "$1,234,567.89" stays on one line. */
const UNBROKEN_UP_TO = 14

/** A leading figure ("−$1,234.56", "46,304,000", "< $0.01") and the words after it (" requests a month"). */
const LEADING_FIGURE = /^([<+\-\u2212$\u00a0]*\d[\d,]*(?:\.\d+)?)(.*)$/s

/**
 * A text that starts with a figure: the figure never breaks inside its sign
 * and first group ("−$131,"), and past 14 characters may wrap after a
 * thousands separator when it is too long for its column
 * ("$135,000,<wbr>000,000,000,000.00" on a phone); the words after it wrap as
 * words do. The text is the same: break opportunities (`<wbr>`) add no
 * characters. A text without a leading figure is left as it is.
 */
export function LongNumber({ text }: { text: string }) {
  const m = LEADING_FIGURE.exec(text)
  if (!m) return <>{text}</>
  const [, figure = '', words = ''] = m
  if (figure.length <= UNBROKEN_UP_TO) {
    return (
      <>
        <span className="nowrap">{figure}</span>
        {words}
      </>
    )
  }
  const [first, ...rest] = figure.split(',')
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
      {words}
    </>
  )
}

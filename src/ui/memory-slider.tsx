import type { KeyboardEvent } from 'react'
import { formatNumber } from './format'

/** An arrow key moves the memory slider this far, MB: the classic sheet's step, and a useful one on the current sheet. */
export const MEMORY_KEY_STEP_MB = 64
/** Page Up and Page Down move it a gigabyte. */
export const MEMORY_PAGE_STEP_MB = 1024

/** A sheet's memory sizes: from `minMb` to `maxMb` in steps of `stepMb` from `minMb`. */
export interface MemoryLimits {
  minMb: number
  maxMb: number
  stepMb: number
}

const MOVES: Readonly<Record<string, { step: number; up: boolean }>> = {
  ArrowUp: { step: MEMORY_KEY_STEP_MB, up: true },
  ArrowRight: { step: MEMORY_KEY_STEP_MB, up: true },
  ArrowDown: { step: MEMORY_KEY_STEP_MB, up: false },
  ArrowLeft: { step: MEMORY_KEY_STEP_MB, up: false },
  PageUp: { step: MEMORY_PAGE_STEP_MB, up: true },
  PageDown: { step: MEMORY_PAGE_STEP_MB, up: false },
}

/**
 * Where a key moves the memory slider from `valueMb`: to the next multiple of
 * 64 MB (arrows) or 1,024 MB (Page Up, Page Down) in its direction, so a typed
 * 1,000 MB goes to 1,024 or 960, then within the sheet's sizes. Null for any
 * other key, which the slider handles itself (Home, End, Tab).
 *
 * @example memoryAfterKey('ArrowRight', 1000, { minMb: 128, maxMb: 10240, stepMb: 1 }) // 1024
 * @example memoryAfterKey('PageUp', 2048, { minMb: 128, maxMb: 3008, stepMb: 64 }) // 3008
 */
export function memoryAfterKey(key: string, valueMb: number, limits: MemoryLimits): number | null {
  const move = MOVES[key]
  if (!move) return null
  const { minMb, maxMb } = limits
  const sheetStep = limits.stepMb > 0 ? limits.stepMb : 1
  const step = Math.max(move.step, sheetStep)
  const from = Number.isFinite(valueMb) ? Math.min(maxMb, Math.max(minMb, valueMb)) : minMb
  const target = move.up ? (Math.floor(from / step) + 1) * step : (Math.ceil(from / step) - 1) * step
  const clamped = Math.min(maxMb, Math.max(minMb, target))
  // On the sheet's own grid (every 64 MB from 128 on the classic sheet), rounded the way the key moves.
  const onGrid = minMb + (move.up ? Math.ceil : Math.floor)((clamped - minMb) / sheetStep) * sheetStep
  return Math.min(maxMb, Math.max(minMb, onGrid))
}

/**
 * The memory slider: dragging gives any size the sheet allows; the arrow keys
 * move 64 MB and Page Up and Page Down 1,024 MB, where a sheet that accepts
 * every 1 MB size would otherwise take a key press per MB.
 */
export function MemorySlider({
  label,
  limits,
  valueMb,
  onChange,
}: {
  label: string
  limits: MemoryLimits
  valueMb: number
  onChange: (memoryMb: string) => void
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const next = memoryAfterKey(event.key, valueMb, limits)
    if (next === null) return
    event.preventDefault()
    if (next !== valueMb) onChange(String(next))
  }
  return (
    <input
      type="range"
      className="slider"
      aria-label={label}
      aria-valuetext={`${formatNumber(valueMb)} MB`}
      min={limits.minMb}
      max={limits.maxMb}
      step={limits.stepMb}
      value={valueMb}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  )
}

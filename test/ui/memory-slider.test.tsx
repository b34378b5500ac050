import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultFunction } from '../../src/state/store'
import { FunctionList } from '../../src/ui/function-list'
import { memoryAfterKey } from '../../src/ui/memory-slider'
import { renderWithStore } from './render'

const CURRENT = { minMb: 128, maxMb: 10_240, stepMb: 1 }
const CLASSIC = { minMb: 128, maxMb: 3008, stepMb: 64 }

describe('memoryAfterKey', () => {
  it('moves 64 MB with the arrows and 1,024 MB with Page Up and Page Down, to round sizes', () => {
    expect(memoryAfterKey('ArrowRight', 1024, CURRENT)).toBe(1088)
    expect(memoryAfterKey('ArrowUp', 1024, CURRENT)).toBe(1088)
    expect(memoryAfterKey('ArrowLeft', 1024, CURRENT)).toBe(960)
    expect(memoryAfterKey('ArrowDown', 1024, CURRENT)).toBe(960)
    expect(memoryAfterKey('PageUp', 1024, CURRENT)).toBe(2048)
    expect(memoryAfterKey('PageDown', 2048, CURRENT)).toBe(1024)
    // A typed size between steps goes to the next round one in the key's direction.
    expect(memoryAfterKey('ArrowRight', 1000, CURRENT)).toBe(1024)
    expect(memoryAfterKey('ArrowLeft', 1000, CURRENT)).toBe(960)
    expect(memoryAfterKey('PageUp', 1000, CURRENT)).toBe(1024)
    expect(memoryAfterKey('PageUp', 128, CURRENT)).toBe(1024)
    expect(memoryAfterKey('PageDown', 1500, CURRENT)).toBe(1024)
  })

  it('stops at the sheet’s smallest and largest sizes', () => {
    expect(memoryAfterKey('ArrowLeft', 128, CURRENT)).toBe(128)
    expect(memoryAfterKey('PageDown', 1000, CURRENT)).toBe(128)
    expect(memoryAfterKey('ArrowRight', 10_240, CURRENT)).toBe(10_240)
    expect(memoryAfterKey('ArrowRight', 10_200, CURRENT)).toBe(10_240)
    expect(memoryAfterKey('PageUp', 9500, CURRENT)).toBe(10_240)
    expect(memoryAfterKey('ArrowRight', 3008, CLASSIC)).toBe(3008)
    expect(memoryAfterKey('PageUp', 2048, CLASSIC)).toBe(3008)
    expect(memoryAfterKey('PageDown', 3008, CLASSIC)).toBe(2048)
    expect(memoryAfterKey('ArrowLeft', 3008, CLASSIC)).toBe(2944)
  })

  it('leaves other keys to the slider, and reads no size as the smallest', () => {
    for (const key of ['Home', 'End', 'Tab', 'a', 'Enter']) expect(memoryAfterKey(key, 1024, CURRENT)).toBeNull()
    expect(memoryAfterKey('ArrowRight', NaN, CURRENT)).toBe(192)
    expect(memoryAfterKey('ArrowRight', Infinity, CURRENT)).toBe(192)
  })

  it('always gives a size the sheet accepts, moved the key’s way by at most its step', () => {
    const keys = fc.constantFrom('ArrowUp', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'PageUp', 'PageDown')
    fc.assert(
      fc.property(keys, fc.boolean(), fc.integer({ min: 0, max: 12_000 }), (key, classic, raw) => {
        const limits = classic ? CLASSIC : CURRENT
        // The slider only ever holds a size of the sheet.
        const value = Math.min(limits.maxMb, Math.max(limits.minMb, limits.minMb + Math.round((raw - limits.minMb) / limits.stepMb) * limits.stepMb))
        const next = memoryAfterKey(key, value, limits)!
        expect(next).toBeGreaterThanOrEqual(limits.minMb)
        expect(next).toBeLessThanOrEqual(limits.maxMb)
        expect((next - limits.minMb) % limits.stepMb).toBe(0)
        const step = key.startsWith('Page') ? 1024 : 64
        const up = key === 'ArrowUp' || key === 'ArrowRight' || key === 'PageUp'
        if (up) expect(next === limits.maxMb || (next > value && next - value <= step)).toBe(true)
        else expect(next === limits.minMb || (next < value && value - next <= step)).toBe(true)
      }),
      { numRuns: 3000 },
    )
  })
})

describe('the memory slider from the keyboard', () => {
  const memory = () => screen.getByLabelText('Memory (MB)', { selector: 'input' })
  const slider = () => screen.getByRole('slider', { name: /^Memory slider/ })

  it('on the current sheet: arrows move 64 MB, Page Up and Page Down 1,024 MB, within 128 to 10,240 MB', async () => {
    const user = userEvent.setup()
    renderWithStore(<FunctionList />, { functions: [defaultFunction({ memoryMb: '1024' })] })
    slider().focus()
    await user.keyboard('{ArrowRight}')
    expect(memory()).toHaveValue('1088')
    await user.keyboard('{ArrowLeft}{ArrowLeft}')
    expect(memory()).toHaveValue('960')
    await user.keyboard('{PageUp}')
    expect(memory()).toHaveValue('1024')
    await user.keyboard('{PageUp}{PageUp}')
    expect(memory()).toHaveValue('3072')
    expect(slider()).toHaveAttribute('aria-valuetext', '3,072 MB')
    for (let i = 0; i < 12; i++) await user.keyboard('{PageUp}')
    expect(memory()).toHaveValue('10240')
    for (let i = 0; i < 12; i++) await user.keyboard('{PageDown}')
    expect(memory()).toHaveValue('128')
    await user.keyboard('{ArrowDown}')
    expect(memory()).toHaveValue('128')
  })

  it('a typed size between steps stays exact until a key moves it to the next round size', async () => {
    const user = userEvent.setup()
    renderWithStore(<FunctionList />)
    await user.clear(memory())
    await user.type(memory(), '1000')
    expect(memory()).toHaveValue('1000')
    slider().focus()
    await user.keyboard('{ArrowUp}')
    expect(memory()).toHaveValue('1024')
  })

  it('on the classic sheet: 64 MB steps from 128 to 3,008 MB', async () => {
    const user = userEvent.setup()
    renderWithStore(<FunctionList />, { sheet: 'aws-2016', functions: [defaultFunction({ memoryMb: '2944' })] })
    slider().focus()
    await user.keyboard('{ArrowRight}')
    expect(memory()).toHaveValue('3008')
    await user.keyboard('{ArrowRight}')
    expect(memory()).toHaveValue('3008')
    await user.keyboard('{PageDown}')
    expect(memory()).toHaveValue('2048')
    await user.keyboard('{ArrowLeft}')
    expect(memory()).toHaveValue('1984')
  })

  it('from a size that is no number: starts at the smallest, never shows NaN', async () => {
    const user = userEvent.setup()
    renderWithStore(<FunctionList />, { functions: [defaultFunction({ memoryMb: 'lots' })] })
    slider().focus()
    await user.keyboard('{ArrowRight}')
    expect(memory()).toHaveValue('192')
    expect(document.body.textContent).not.toMatch(/NaN|undefined/)
  })
})

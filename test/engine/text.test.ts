import { describe, expect, it } from 'vitest'
import { characterCount, firstCharacters } from '../../src/engine/index'

describe('characterCount: characters as a person counts them', () => {
  it('counts plain names one character per letter', () => {
    expect(characterCount('api-handler')).toBe(11)
    expect(characterCount('a b~')).toBe(4)
    expect(characterCount('')).toBe(0)
  })

  it('counts an emoji with a skin tone, a flag and an accented letter as one each', () => {
    // U+1F44D U+1F3FD (thumbs up, medium skin tone); regional indicators F R; e + U+0301.
    expect(characterCount('\u{1F44D}\u{1F3FD}ok')).toBe(3)
    expect(characterCount('\u{1F1EB}\u{1F1F7}')).toBe(1)
    expect(characterCount('cafe\u0301')).toBe(4)
  })

  it('counts a Windows line break as one character', () => {
    expect(characterCount('a\r\nb')).toBe(3)
  })

  it('stops one past the limit, for plain and for other text alike', () => {
    expect(characterCount('x'.repeat(1000), 64)).toBe(65)
    expect(characterCount('\u00e9'.repeat(1000), 64)).toBe(65)
    expect(characterCount('x'.repeat(64), 64)).toBe(64)
  })

  it('cuts text to a limit without splitting an emoji', () => {
    expect(firstCharacters('\u{1F44D}\u{1F3FD}ok', 2)).toBe('\u{1F44D}\u{1F3FD}o')
  })
})

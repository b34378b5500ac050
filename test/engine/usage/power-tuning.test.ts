import { describe, expect, it } from 'vitest'
import { MAX_POWER_TUNING_CHARS, parsePowerTuning, PowerTuningFormatError } from '../../../src/engine/index'

/** Encodes like the tool's buildVisualizationURL: little-endian typed arrays in base64, joined by ';'. */
function link(powers: number[], durations: number[], costs: number[]): string {
  const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
  return `https://lambda-power-tuning.show/#${b64(new Int16Array(powers))};${b64(new Float32Array(durations))};${b64(new Float32Array(costs))}`
}

describe('power-tuning visualization links', () => {
  it('round-trips memory sizes, durations and costs', () => {
    // values exactly representable in float32
    const url = link([128, 256, 512, 1024, 3008, 10240], [2000.5, 1000.25, 501.125, 260.75, 120.5, 118], [0.5, 0.25, 0.125, 0.0625, 0.03125, 0.5])
    expect(parsePowerTuning(url).points).toEqual([
      { memoryMb: 128, durationMs: 2000.5, costUsd: 0.5 },
      { memoryMb: 256, durationMs: 1000.25, costUsd: 0.25 },
      { memoryMb: 512, durationMs: 501.125, costUsd: 0.125 },
      { memoryMb: 1024, durationMs: 260.75, costUsd: 0.0625 },
      { memoryMb: 3008, durationMs: 120.5, costUsd: 0.03125 },
      { memoryMb: 10240, durationMs: 118, costUsd: 0.5 },
    ])
  })

  it('gives durations as the shortest decimal of their float32 (2.9066668, not 2.906666755676269)', () => {
    const [p] = parsePowerTuning(link([128], [2.9066666666666667], [2.083e-7])).points
    expect(p!.durationMs).toBe(2.9066668)
    expect(p!.costUsd).toBe(2.083e-7)
  })

  it('reads the example link of the tool\u2019s documentation (128 to 3008 MB)', () => {
    const hash = 'gAAAAQACAAQABsAL;ZooQR4yvkUa/pQRGRC5zRaADHUVjOftE;QdWhOEMkoziDT5Q4xhiIOMYYiDi6RNc4'
    const points = parsePowerTuning(`https://lambda-power-tuning.show/#${hash}`).points
    expect(points.map((p) => p.memoryMb)).toEqual([128, 256, 512, 1024, 1536, 3008])
    // the same float32 values as Node's own decoder reads
    const [, d] = hash.split(';')
    const bytes = Buffer.from(d!, 'base64')
    const floats = Array.from({ length: 6 }, (_, i) => bytes.readFloatLE(i * 4))
    expect(points.map((p) => Math.fround(p.durationMs))).toEqual(floats)
    // the hash alone is read too
    expect(parsePowerTuning(hash).points).toEqual(points)
  })

  it('sorts points by memory', () => {
    expect(parsePowerTuning(link([512, 128], [10, 40], [1, 1])).points.map((p) => p.memoryMb)).toEqual([128, 512])
  })

  it.each([
    ['https://lambda-power-tuning.show/', /neither a power-tuning visualization link/],
    ['https://lambda-power-tuning.show/#abc', /three base64 parts\), but this one has 1 part/],
    ['https://x/#gAA!;AAAA;AAAA', /memory part of the link is not valid base64 \(character "!" at 4\)/],
    ['https://x/#gAAAAQ==;AACAPw==;AACAPw==', /lists 2 memory sizes but 1 durations and 1 costs/],
    ['https://x/#gA==;AACAPw==;AACAPw==', /memory part of the link is not a list of 16-bit numbers/],
    [link([1, 2, 3], [2, 2, 1], [3, 2, 2]), /Memory 1 MB is not a Lambda memory size/],
    [link([128, 128], [2, 2], [3, 2]), /Memory 128 MB appears twice/],
    [link([128], [Number.NaN], [1]), /average duration at 128 MB, NaN, is not a duration/],
    ['', /Paste a power-tuning visualization link or its JSON output/],
  ])('explains a bad link: %s', (text, message) => {
    expect(() => parsePowerTuning(text)).toThrow(PowerTuningFormatError)
    expect(() => parsePowerTuning(text)).toThrow(message)
  })
})

describe('power-tuning JSON output', () => {
  it('reads stats[] from the state machine output, with power and cost as strings', () => {
    const output = {
      power: '128',
      cost: 0.0000002083,
      duration: 2.9066666666666667,
      stateMachine: {
        executionCost: 0.00045,
        lambdaCost: 0.0005252,
        visualization: 'https://lambda-power-tuning.show/#gAAAAQ==;AAAAQAAAAEA=;AAAAPwAAgD4=',
      },
      stats: [
        { averagePrice: 0.0000002083, averageDuration: 2.9066666666666667, value: 128 },
        { averagePrice: '0.0000003', averageDuration: '1.5', value: '256' },
      ],
    }
    expect(parsePowerTuning(JSON.stringify({ results: output })).points).toEqual([
      { memoryMb: 128, durationMs: 2.9066666666666667, costUsd: 0.0000002083 },
      { memoryMb: 256, durationMs: 1.5, costUsd: 0.0000003 },
    ])
  })

  it('falls back to the visualization link when stats were not included', () => {
    const hash = `${Buffer.from(new Int16Array([128, 256]).buffer).toString('base64')};${Buffer.from(new Float32Array([4, 2]).buffer).toString('base64')};${Buffer.from(new Float32Array([0.5, 0.25]).buffer).toString('base64')}`
    const text = JSON.stringify({ power: 128, cost: 0.5, duration: 4, stateMachine: { visualization: `https://lambda-power-tuning.show/#${hash}` } })
    expect(parsePowerTuning(text).points).toEqual([
      { memoryMb: 128, durationMs: 4, costUsd: 0.5 },
      { memoryMb: 256, durationMs: 2, costUsd: 0.25 },
    ])
  })

  it('reads a bare stats array and skips the empty results the tool skips too', () => {
    expect(parsePowerTuning('[{"value":1024,"averageDuration":12.5},null]').points).toEqual([{ memoryMb: 1024, durationMs: 12.5 }])
  })

  it.each([
    ['{"stats": [', /looks like JSON but cannot be read/],
    ['{"power": 128}', /neither "stats" \(run the state machine with "includeOutputResults": true\) nor "stateMachine.visualization"/],
    ['{"stats": [{"value": 128}]}', /stats\[0\].averageDuration is missing, not a number/],
    ['{"stats": [{"value": "big", "averageDuration": 3}]}', /stats\[0\].value \(memory\) is "big", not a number/],
    ['{"stats": []}', /hold no measured memory size/],
  ])('explains bad JSON: %s', (text, message) => {
    expect(() => parsePowerTuning(text)).toThrow(message)
  })
})

describe('power-tuning text users paste by accident', () => {
  const message = (text: string): string => {
    try {
      parsePowerTuning(text)
    } catch (e) {
      expect(e).toBeInstanceOf(PowerTuningFormatError)
      return (e as Error).message
    }
    throw new Error('expected the text to be refused')
  }

  it('refuses text over 100,000 characters before reading it, saying the limit', () => {
    expect(MAX_POWER_TUNING_CHARS).toBe(100_000)
    // 3,100 entries of 34 characters in `{"stats":[...]}` (12): 105,412 characters
    expect(message(`{"stats":[${'{"value":128,"averageDuration":1},'.repeat(3_100)}]}`)).toMatch(
      /^This text is 105,412 characters long; power-tuning results are read up to 100,000 characters/,
    )
  })

  it('refuses a link listing 10,113 memory sizes (every MB from 128 to 10,240), saying the limit of 200', () => {
    const powers = Array.from({ length: 10_113 }, (_, i) => 128 + i)
    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
    // powers and durations only (81 KB): within the size limit, over the count
    const hash = `${b64(new Int16Array(powers))};${b64(new Float32Array(powers.map(() => 10)))}`
    expect(message(`https://lambda-power-tuning.show/#${hash}`)).toMatch(/^These power-tuning results list 10,113 memory sizes; at most 200 are read/)
    const stats = JSON.stringify({ stats: powers.slice(0, 201).map((value) => ({ value, averageDuration: 10 })) })
    expect(message(stats)).toMatch(/list 201 memory sizes; at most 200 are read/)
    // 200 sizes are read
    expect(parsePowerTuning(JSON.stringify({ stats: powers.slice(0, 200).map((value) => ({ value, averageDuration: 10 })) })).points).toHaveLength(
      200,
    )
  })

  it('names a bad percent-escape instead of "URI malformed"', () => {
    const good = link([128, 256], [10, 5], [1e-6, 1e-6])
    const broken = good.replace('#', '#%ZZ')
    expect(message(broken)).toBe(
      'The link has a broken percent-escape, "%ZZ" at character 1 of its hash: "%" must be followed by two hexadecimal digits. Copy the link again from power tuning\'s output',
    )
    // %C3%28 is well formed but not UTF-8 (0x28 cannot continue a two-byte sequence)
    expect(message(good.replace('#', '#%C3%28'))).toMatch(
      /^The link's percent-escapes at character 1 of its hash \("%C3%28"\) do not spell UTF-8 text/,
    )
    expect(message(broken)).not.toMatch(/URI malformed/)
  })

  it.each(['0x80', '0b10000000', '0o200', ' 0X80 '])('refuses %s as a memory size (Number() would read it as 128)', (value) => {
    expect(message(`{"stats":[{"value":"${value}","averageDuration":3}]}`)).toMatch(
      /^stats\[0\]\.value \(memory\) is ".*", not a number \(hexadecimal, binary and octal are not read: write it in decimal\)$/,
    )
  })

  it('refuses a hexadecimal duration and Infinity, and still reads decimal strings with exponents', () => {
    expect(message('{"stats":[{"value":128,"averageDuration":"0x10"}]}')).toMatch(/averageDuration is "0x10", not a number/)
    expect(message('{"stats":[{"value":128,"averageDuration":"Infinity"}]}')).toMatch(/averageDuration is "Infinity", not a number/)
    expect(parsePowerTuning('{"stats":[{"value":"1.28e2","averageDuration":"2.5E1"}]}').points).toEqual([{ memoryMb: 128, durationMs: 25 }])
  })
})

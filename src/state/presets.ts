import type { PriceSheetId } from '../engine/index'
import { defaultFunction, type CalculatorInputs, type FunctionDraft } from './store'

/** A named workload the user can start from: `?preset=<id>` or the preset menu. */
export interface Preset {
  /** Kebab-case, stable: it appears in links. */
  id: string
  title: string
  /** One line saying what the workload is. */
  description: string
}

/** A preset's function: only what differs from `defaultFunction()`, numbers as canonical text. */
type PresetFunction = Partial<Omit<FunctionDraft, 'id'>>

interface PresetDefinition extends Preset {
  sheet: PriceSheetId
  region: string
  freeTier: boolean
  functions: readonly PresetFunction[]
}

const DEFINITIONS: readonly PresetDefinition[] = [
  {
    id: 'classic-example-1',
    title: 'Classic example 1',
    description: 'The classic pricing page’s first example: 512 MB, 1 s, 3 million requests a month ($18.74).',
    sheet: 'aws-2016',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ memoryMb: '512', durationMs: '1000', requests: '3000000', per: 'month' }],
  },
  {
    id: 'classic-example-2',
    title: 'Classic example 2',
    description: 'The classic pricing page’s second example: 128 MB, 200 ms, 30 million requests a month ($11.63).',
    sheet: 'aws-2016',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ memoryMb: '128', durationMs: '200', requests: '30000000', per: 'month' }],
  },
  {
    id: 'mobile-backend',
    title: 'Mobile app backend',
    description: 'The current pricing page’s example: 1,536 MB, 120 ms, 3 million requests a month in us-east-1 ($2.73).',
    sheet: 'aws-current',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ memoryMb: '1536', durationMs: '120', requests: '3000000', per: 'month' }],
  },
  {
    id: 'rest-api',
    title: 'REST API',
    description: 'An API handler at 15 requests a second and its token authorizer (cached, 3 a second), both on arm64.',
    sheet: 'aws-current',
    region: 'us-east-1',
    freeTier: true,
    functions: [
      { name: 'api-handler', memoryMb: '1024', durationMs: '85', requests: '15', per: 'second', architecture: 'arm64' },
      { name: 'authorizer', memoryMb: '256', durationMs: '12', requests: '3', per: 'second', architecture: 'arm64' },
    ],
  },
  {
    id: 'nightly-batch',
    title: 'Nightly batch',
    description: 'An ETL job fanned out to 200 workers of 5 minutes each every night, with 4 GB of /tmp scratch space.',
    sheet: 'aws-current',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ name: 'etl-worker', memoryMb: '3008', durationMs: '300000', requests: '200', per: 'day', ephemeralStorageMb: '4096' }],
  },
  {
    id: 'image-thumbnailer',
    title: 'Image thumbnailer',
    description: 'Resizes 50,000 uploads a day on arm64 with 1,769 MB, one full vCPU.',
    sheet: 'aws-current',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ name: 'thumbnailer', memoryMb: '1769', durationMs: '350', requests: '50000', per: 'day', architecture: 'arm64' }],
  },
  {
    id: 'stream-processor',
    title: 'Stream processor',
    description: 'A Kinesis consumer handling 50 record batches a second in eu-west-1.',
    sheet: 'aws-current',
    region: 'eu-west-1',
    freeTier: true,
    functions: [{ name: 'stream-consumer', memoryMb: '256', durationMs: '40', requests: '50', per: 'second' }],
  },
  {
    id: 'ml-inference',
    title: 'ML inference',
    description: 'A 10 GB model loaded from /tmp: 10,240 MB of memory and of storage, 800 ms, 500,000 requests a month.',
    sheet: 'aws-current',
    region: 'us-west-2',
    freeTier: true,
    functions: [{ name: 'inference', memoryMb: '10240', durationMs: '800', requests: '500000', per: 'month', ephemeralStorageMb: '10240' }],
  },
  {
    id: 'tiny-high-volume',
    title: 'Tiny, high volume',
    description: 'A 3 ms, 128 MB arm64 function at 2,000 requests a second: the requests dominate the bill.',
    sheet: 'aws-current',
    region: 'us-east-1',
    freeTier: true,
    functions: [{ name: 'edge-router', memoryMb: '128', durationMs: '3', requests: '2000', per: 'second', architecture: 'arm64' }],
  },
]

/** Every preset, in menu order: id, title and description. */
export const PRESETS: readonly Preset[] = Object.freeze(DEFINITIONS.map(({ id, title, description }) => Object.freeze({ id, title, description })))

/**
 * A preset's inputs, with fresh function ids; null when `id` is not a preset.
 *
 * @example presetInputs('classic-example-2')?.functions[0]?.memoryMb // '128'
 */
export function presetInputs(id: string): CalculatorInputs | null {
  const preset = DEFINITIONS.find((d) => d.id === id)
  if (!preset) return null
  return {
    sheet: preset.sheet,
    region: preset.region,
    freeTier: preset.freeTier,
    functions: preset.functions.map((f) => defaultFunction({ ...f })),
  }
}

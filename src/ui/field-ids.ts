import type { FunctionField } from '../state/selectors'

/** The id suffix of each function field's control: `fn-2-memory` is function 2's memory. */
const SUFFIX: Record<FunctionField, string> = {
  name: 'name',
  memoryMb: 'memory',
  durationMs: 'duration',
  requests: 'requests',
  per: 'unit',
  architecture: 'architecture',
  ephemeralStorageMb: 'storage',
  coldStartPercent: 'cold-starts',
  initDurationMs: 'init-duration',
  provisionedConcurrency: 'provisioned-concurrency',
  provisionedHours: 'provisioned-hours',
  provisionedSharePercent: 'provisioned-share',
  snapStart: 'snapstart',
  snapStartVersions: 'snapstart-versions',
  snapStartCacheHours: 'snapstart-cache-hours',
  edge: 'edge',
  streamedMbPerRequest: 'streamed-mb',
}

/**
 * The id of a function's field control, shared by the form that renders it and
 * the problem list that focuses it.
 */
export function functionFieldId(functionNumber: number, field: FunctionField): string {
  return `fn-${functionNumber}-${SUFFIX[field]}`
}

/// <reference lib="webworker" />
// Reads power-tuning results off the main thread, like log pastes: a long
// paste never stalls the page, and the page can give up on it.
import { parsePowerTuning, PowerTuningFormatError, type PowerTuningResult } from '../../engine/index'

/** The worker's one reply. */
export type PowerTuningReply = { type: 'done'; result: PowerTuningResult } | { type: 'error'; message: string }

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<string>) => {
  scope.postMessage(readPowerTuning(event.data) satisfies PowerTuningReply)
}

/** Parses the text into the worker's reply; never throws. */
export function readPowerTuning(text: string): PowerTuningReply {
  try {
    return { type: 'done', result: parsePowerTuning(text) }
  } catch (e) {
    if (e instanceof PowerTuningFormatError) return { type: 'error', message: e.message }
    return { type: 'error', message: `The power-tuning results could not be read: ${e instanceof Error ? e.message : String(e)}` }
  }
}

import type { PriceSheetId } from '../types'
import { AWS_2016 } from './aws-2016'
import { AWS_CURRENT } from './aws-current'
import type { PriceSheetData } from './sheet-data'

/**
 * Every price sheet the engine can bill under, by id, as data.
 *
 * @example PRICE_SHEETS['aws-2016'].memory // { minMb: 128, maxMb: 3008, stepMb: 64 }
 */
export const PRICE_SHEETS: Readonly<Record<PriceSheetId, PriceSheetData>> = {
  'aws-2016': AWS_2016,
  'aws-current': AWS_CURRENT,
}

/**
 * The sheet ids in display order: the classic sheet first.
 *
 * @example PRICE_SHEET_IDS // ['aws-2016', 'aws-current']
 */
export const PRICE_SHEET_IDS: readonly PriceSheetId[] = ['aws-2016', 'aws-current']

/**
 * True when `id` names a known price sheet.
 *
 * @example isPriceSheetId('aws-2016') // true
 */
export function isPriceSheetId(id: unknown): id is PriceSheetId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(PRICE_SHEETS, id)
}

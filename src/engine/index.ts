/**
 * The pricing engine's public API: pure TypeScript, no React, no DOM.
 * Every figure is exact; see each export's documentation for units.
 */
export type {
  Architecture,
  BillLine,
  CalculationSteps,
  Estimate,
  EstimateInput,
  EstimateTotal,
  FreeTierUsage,
  FunctionInput,
  FunctionUsage,
  InputProblem,
  LineKind,
  LineTotal,
  PriceSheetId,
  PriceSheetInfo,
  QuantityUnit,
  RequestUnit,
  SnapStartMode,
  StepLine,
  StepSection,
} from './types'
export { estimateTotal } from './estimate-total'
export { estimate, priceSheetInfo } from './estimate'
export { calculationSteps } from './steps'
export { ASSUMED_ENVIRONMENT_LIFETIME_MINUTES, ASSUMED_IDLE_MINUTES, estimateColdStarts } from './cold-start'
export type { ColdStartEstimate, ColdStartWorkload } from './cold-start'
export { validateInput, InvalidInputError } from './validate'
export {
  ACCOUNT_FIELDS,
  CURRENT_ONLY_FIELDS,
  FUNCTION_FIELD_BY_KEY,
  FUNCTION_FIELDS,
  HOURS_IN_LONGEST_MONTH,
  HOURS_PER_MONTH,
  MAX_DURATION_MS,
  MAX_EDGE_DURATION_MS,
  MAX_FUNCTIONS,
  MAX_INIT_MS,
  MAX_NAME_LENGTH,
  MAX_PROVISIONED_CONCURRENCY,
  MAX_REQUESTS_PER_MONTH,
  MAX_STREAMED_MB,
  nearestFieldKey,
} from './fields'
export type { FieldChoice, FieldSpec, FieldType, FunctionFieldKey } from './fields'
export { costByMemory, costByRequests, costPoint } from './series'
export type { CostPart, CostPoint, CostSeries, MemorySeriesOptions, PartCents, RequestSeriesOptions } from './series'
export { API_GATEWAY_FRONT_DOORS, COST_PARTS, METERS, PART_OF_KIND, SERVICES, serviceOfLine, serviceOfPart } from './meters'
export type { Applies, FreePool, MeterId, MeterSpec, Service } from './meters'
export { percentOf } from './decimal'
export { billByService } from './service-totals'
export type { ServiceTotal } from './service-totals'
export { compareWithSheet } from './compare'
export type { Comparison } from './compare'
export { isPriceSheetId, PRICE_SHEET_IDS, PRICE_SHEETS } from './sheets/registry'
export type { ExtraMeters, PriceSheetData, ProvisionedPrices, RegionCaveat, RegionPrices, TierData } from './sheets/sheet-data'
export { isRequestUnit, monthlyRequestsText, REQUEST_UNIT_LABELS, REQUEST_UNITS } from './requests'
export { billedDurationMs } from './compiled-sheet'
export { createReportParser, parseReports, DEFAULT_MAX_PROBLEMS } from './usage/reports'
export type { ReportParser, ReportParserOptions } from './usage/reports'
export type {
  AggregatedInvocations,
  AggregatedRow,
  BilledUsageSummary,
  ImportedUsage,
  MemoryUsage,
  ReportFormat,
  ReportProblem,
  ReportSample,
} from './usage/types'
export { billedGbSeconds, scaleBilledUsage, scaledGbSeconds, summarizeBilledUsage } from './usage/summary'
export type { BillingRules, ScaledBilledUsage } from './usage/summary'
export { parsePowerTuning, PowerTuningFormatError, MAX_POWER_TUNING_CHARS, MAX_POWER_TUNING_POINTS } from './usage/power-tuning'
export type { PowerTuningPoint, PowerTuningResult } from './usage/power-tuning'
export { modelDurationMs, rightSizeMemoryMb, vcpuShare, ONE_VCPU_MEMORY_MB } from './usage/memory-model'
export type { DurationModelInput, MemoryLimits } from './usage/memory-model'
export { characterCount, firstCharacters, orList, quoteText, stripUnsafeCharacters } from './text'
export { estimateFromReports } from './usage/from-reports'
export { estimateRangeFromReports } from './usage/bill-range'
export type { BillRange } from './usage/bill-range'
export {
  ceilSumBounds,
  INSIGHTS_QUERY_JSON,
  INSIGHTS_QUERY_TEXT,
  INSIGHTS_QUERY_TEXT_BUCKETS,
  isInsightsExport,
  MAX_INSIGHTS_ROWS,
  noInvocationColumns,
  parseInsights,
  summarizeRows,
} from './usage/insights'
export type { InsightsImport, InsightsParseOptions } from './usage/insights'
export { averageWorkloads, compareBills, defaultMonthlyRequests, HEADROOM_PERCENT, rightSize } from './usage/compare-bills'
export type { AverageWorkload, BillComparison, PricingChoice, RightSizing } from './usage/compare-bills'
export type { ReportEstimateOptions } from './usage/from-reports'
export { durationHistogram, histogramBinMs, usageStats } from './usage/stats'
export type { DurationHistogram, UsageStats } from './usage/stats'
export { adviceFor } from './advice'
export type { Advice, AdviceKind, AdviceOptions } from './advice'
export { COMPARE_FIELDS } from './compare-fields'
export type { CompareFieldKey, CompareFieldSpec } from './compare-fields'
export { compareWaysToRun, ec2ComparisonTypes, formatMonthly, formatRate, WAYS_TO_RUN } from './compute/ways-to-run'
export type {
  CheaperChoice,
  ComputeSettings,
  Crossing,
  WayChange,
  WayContext,
  WayResult,
  WaysComparison,
  WaysOptions,
  WaysPoint,
  WayToRun,
  WayToRunSpec,
} from './compute/ways-to-run'
export { FARGATE_PRICES, FARGATE_PRICES_SOURCE, FARGATE_TASK_SIZES, fargateSizeProblem } from './compute/fargate-prices'
export type { FargateRates } from './compute/fargate-prices'
export { classifyUsageType, createCurParser, CUR_ATHENA_QUERY, parseCur, REGION_BILLING_CODES } from './usage/cur'
export type { CurEntry, CurImport, CurOtherUsage, CurParser, CurParserOptions, CurProblem, UsageTypeClass } from './usage/cur'
export { curWhatIfs, functionNameOf, reconcileCur } from './usage/cur-reconcile'
export type {
  CurFunction,
  CurLine,
  CurMonth,
  CurReconcileMonthsOptions,
  CurReconcileOptions,
  CurReconciliation,
  CurWhatIf,
  CurWhatIfOptions,
} from './usage/cur-reconcile'

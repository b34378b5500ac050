import { ACCOUNT_FIELDS, API_GATEWAY_FRONT_DOORS, PRICE_SHEET_IDS, PRICE_SHEETS, type PriceSheetId } from '../engine/index'
import { useCalculator, useCalculatorStore } from '../state/react'
import { NumberField, SelectField } from './fields'

const SHEET_NOTES: Record<PriceSheetId, string> = {
  'aws-2016': 'Until December 2020: 100 ms rounding, one flat rate, x86_64',
  'aws-current': 'Today’s prices: 1 ms rounding, arm64, tiers, regions, storage, cold starts',
}

const SAVINGS_PLAN = ACCOUNT_FIELDS.find((f) => f.key === 'savingsPlanPercent')!
const API_FREE_TIER = ACCOUNT_FIELDS.find((f) => f.key === 'apiGatewayFreeTier')!

const REGION_OPTIONS = Object.entries(PRICE_SHEETS['aws-current'].regions).map(([id, r]) => ({
  value: id,
  label: `${id}: ${r.name}${r.verified ? '' : ' (unverified prices)'}`,
}))

/** The account-wide settings: price sheet, region, free tier. */
export function SheetControls({ compact = false }: { compact?: boolean }) {
  const store = useCalculatorStore()
  const sheet = useCalculator((s) => s.sheet)
  const region = useCalculator((s) => s.region)
  const freeTier = useCalculator((s) => s.freeTier)
  const regionError = useCalculator((s, sel) => sel.selectForm(s).errors.region)
  const savingsPlan = useCalculator((s) => s.savingsPlanPercent ?? '')
  const planError = useCalculator((s, sel) => sel.selectForm(s).errors.savingsPlanPercent)
  const apiFreeTier = useCalculator((s) => s.apiGatewayFreeTier === true)
  // Offered where a function has API Gateway in front of it (or it is already on).
  const apiInFront = useCalculator((s) => s.functions.some((f) => (API_GATEWAY_FRONT_DOORS as readonly string[]).includes(f.frontDoor)))

  return (
    <section className="card account-card" aria-labelledby="account-title">
      <h2 id="account-title" className={compact ? 'visually-hidden' : undefined}>
        Account
      </h2>
      <fieldset className="sheet-switch">
        <legend>Price sheet</legend>
        <div className="segmented">
          {PRICE_SHEET_IDS.map((id) => (
            <label key={id} className="segment">
              <input type="radio" name="price-sheet" value={id} checked={sheet === id} onChange={() => store.getState().setSheet(id)} />
              <span className="segment-body">
                <span className="segment-title">{id === 'aws-2016' ? 'Classic (2016)' : 'Current'}</span>
                <span className="segment-note">{SHEET_NOTES[id]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {sheet === 'aws-current' ? (
        <SelectField
          id="region"
          label="Region"
          value={region}
          options={REGION_OPTIONS.some((o) => o.value === region) ? REGION_OPTIONS : [{ value: region, label: region }, ...REGION_OPTIONS]}
          error={regionError}
          onChange={(r) => store.getState().setRegion(r)}
        />
      ) : compact ? null : (
        <p className="field-hint">The classic sheet had one price in every region.</p>
      )}
      <label className="checkbox">
        <input type="checkbox" checked={freeTier} onChange={(e) => store.getState().setFreeTier(e.target.checked)} />
        Include free tier
      </label>
      {compact ? null : <p className="field-hint">1M requests and 400,000 GB&#8209;s a month, once per account: all functions share it.</p>}
      {sheet === 'aws-current' && !compact ? (
        <NumberField
          id={SAVINGS_PLAN.idSuffix}
          label={SAVINGS_PLAN.label}
          value={savingsPlan}
          unit={SAVINGS_PLAN.unit}
          placeholder="0"
          error={planError}
          hint={SAVINGS_PLAN.hint}
          onChange={(text) => store.getState().setSavingsPlanPercent(text)}
        />
      ) : null}
      {sheet === 'aws-current' && (apiInFront || apiFreeTier) ? (
        <>
          <label className="checkbox">
            <input type="checkbox" checked={apiFreeTier} onChange={(e) => store.getState().setApiGatewayFreeTier(e.target.checked)} />
            {API_FREE_TIER.label}
          </label>
          {compact ? null : <p className="field-hint">{API_FREE_TIER.hint}</p>}
        </>
      ) : null}
    </section>
  )
}

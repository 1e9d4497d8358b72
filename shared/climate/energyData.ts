// Base-year (2024) numbers of the energy-economy model, rounded from public statistics
// (IEA World Energy Balances and Ember's electricity review for 2023-2024, Global
// Carbon Budget for CO2). Precise to about 10 %: the model is meant to show how the
// system responds to levers, not to forecast any one number.

export const SOURCES = ['coal', 'oil', 'gas', 'bioenergy', 'renewables', 'nuclear', 'newTech'] as const
export type Source = (typeof SOURCES)[number]
export const COAL = 0
export const OIL = 1
export const GAS = 2
export const BIO = 3
export const RENEWABLES = 4
export const NUCLEAR = 5
export const NEW_TECH = 6
export const SOURCE_COUNT = 7

/** Per-source numbers, in SOURCES order; 0 where a source does not serve a market. */
export type PerSource = readonly [number, number, number, number, number, number, number]

export const BASE_YEAR = 2024
export const END_YEAR = 2100

export const BASE = {
  population: 8.1, // billion
  /** Energy services in fuel-equivalent EJ: fuels plus electricity times its end-use advantage. */
  transport: { fuels: 119, electricity: 1.8 },
  buildingsIndustry: { fuels: 244, electricity: 86 },
  /** How many GJ of fuel one GJ of electricity replaces at the point of use. */
  electricAdvantage: { transport: 3, buildingsIndustry: 1.5 },
  /** Generation needed per unit of final electricity (grid losses, plants' own use). */
  gridLosses: 1.2,
  gridCost: 35, // $/MWh on top of generation

  power: {
    // coal, oil, gas, bio, renewables, nuclear, newTech
    share: [0.345, 0.025, 0.22, 0.025, 0.295, 0.09, 0] as PerSource, // of generation
    newShare: [0.1, 0.005, 0.16, 0.02, 0.67, 0.045, 0] as PerSource, // of new plants' output
    cost: [65, 150, 70, 100, 50, 110, 110] as PerSource, // levelised, $/MWh
    /** Fuel, operation and carbon are what count when deciding to retire a plant early. */
    variableFraction: [0.45, 0.8, 0.65, 0.6, 0.1, 0.25, 0.2] as PerSource,
    efficiency: [0.36, 0.35, 0.5, 0.3, 1, 1, 1] as PerSource, // electricity out per fuel in
    lifetime: 35,
    costExponent: 4,
  },
  transportFuels: {
    share: [0, 0.92, 0.04, 0.04, 0, 0, 0] as PerSource,
    newShare: [0, 0.92, 0.04, 0.04, 0, 0, 0] as PerSource,
    cost: [0, 20, 16, 28, 0, 0, 40] as PerSource, // delivered, $/GJ
    lifetime: 15,
    costExponent: 3,
  },
  buildingsFuels: {
    share: [0.225, 0.225, 0.35, 0.2, 0, 0, 0] as PerSource,
    newShare: [0.15, 0.22, 0.42, 0.21, 0, 0, 0] as PerSource,
    cost: [5, 16, 10, 10, 0, 0, 40] as PerSource, // delivered, $/GJ
    lifetime: 25,
    costExponent: 3,
  },
  /** CO2 from burning, MtCO2 per EJ (= tCO2/TJ). Bioenergy counts as zero here: its land
   * emissions are in land-use CO2. */
  co2PerEJ: [95, 72, 56, 0, 0, 0, 0] as PerSource,
  /** Relative aerosol (mostly sulphur) emissions per EJ burnt. */
  aerosolPerEJ: [1, 0.4, 0.03, 0.5, 0, 0, 0] as PerSource,
  /** CH4 leaked per EJ produced (coal mines, oil and gas systems), Mt per EJ. */
  methanePerEJ: [0.25, 0.18, 0.32, 0, 0, 0, 0] as PerSource,
} as const

/** Learning: cost falls this much per doubling of experience (cumulative output). */
export const LEARNING_RATE = 0.15
/** No amount of learning takes a source below this fraction of its base cost. */
export const LEARNING_FLOOR = 0.5
/** Extra cost of balancing variable renewables: this many $/MWh times their share squared. */
export const INTEGRATION_COST = 50
/** Bioenergy gets dearer as it grows (land, transport): cost times (use / base use)^this. */
export const BIO_SUPPLY_EXPONENT = 0.5
/** Depletion: a fossil fuel's cost doubles once this much more of it (EJ) has been
 * extracted after 2024, rising with the square of the amount (cheapest resources
 * first). About the size of today's resources beyond reserves for oil and gas. */
export const DEPLETION_EJ: PerSource = [30000, 20000, 20000, 0, 0, 0, 0]
/** Long-run price elasticity of energy demand. */
export const PRICE_ELASTICITY = 0.3
/** Energy demand per person rises with income, ever more slowly as needs are met:
 * ln(demand ratio) = ln(income ratio) / (1 + ln(income ratio) / SATURATION). A tripling
 * of income raises demand per person 2.4-fold, a tenfold rise 4.5-fold. */
export const SATURATION = 4
/** How strongly the electric share follows the fuel-to-electricity price ratio. */
export const ELECTRIFICATION_PRICE_RESPONSE = 0.15

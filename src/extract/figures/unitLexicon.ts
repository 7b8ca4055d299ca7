/**
 * Word lists for what a number measures: currencies (symbols, codes, names), percentage units
 * and units of measure. Built once at module load.
 */
import { wordSet } from './lexicon.js';

/** Currency symbols written before the amount. "¥" is read as yen (see the module comment). */
export const currencySymbols: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₺', 'TRY'],
  ['₪', 'ILS'],
  ['₦', 'NGN'],
  ['₱', 'PHP'],
]);

/** Letters written against "$" or "¥" that name the currency ("US$", "HK$", "CN¥"); case kept. */
export const dollarPrefixes: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'],
  ['A', 'AUD'],
  ['AU', 'AUD'],
  ['C', 'CAD'],
  ['CA', 'CAD'],
  ['HK', 'HKD'],
  ['NZ', 'NZD'],
  ['S', 'SGD'],
  ['NT', 'TWD'],
  ['R', 'BRL'],
  ['CN', 'CNY'],
  ['RMB', 'CNY'],
]);

/** ISO codes (and "RMB") written before or after an amount; matched case-sensitively. */
export const currencyCodes: ReadonlyMap<string, string> = new Map(
  [
    'USD',
    'EUR',
    'GBP',
    'CNY',
    'JPY',
    'INR',
    'KRW',
    'RUB',
    'CHF',
    'HKD',
    'AUD',
    'CAD',
    'NZD',
    'SGD',
    'TWD',
    'BRL',
    'MXN',
    'ZAR',
    'TRY',
    'SEK',
    'NOK',
    'DKK',
    'PLN',
    'AED',
    'SAR',
  ]
    .map((code): [string, string] => [code, code])
    .concat([['RMB', 'CNY']]),
);

/** Currency names written after an amount ("5 billion yuan"). */
export const currencyWords: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['sterling', 'GBP'],
  ['yuan', 'CNY'],
  ['renminbi', 'CNY'],
  ['yen', 'JPY'],
  ['rupee', 'INR'],
  ['rupees', 'INR'],
  ['rouble', 'RUB'],
  ['roubles', 'RUB'],
  ['ruble', 'RUB'],
  ['rubles', 'RUB'],
  ['won', 'KRW'],
  ['franc', 'CHF'],
  ['francs', 'CHF'],
  ['peso', 'MXN'],
  ['pesos', 'MXN'],
  ['rand', 'ZAR'],
  ['lira', 'TRY'],
  ['shekel', 'ILS'],
  ['shekels', 'ILS'],
  ['dirham', 'AED'],
  ['dirhams', 'AED'],
  ['riyal', 'SAR'],
  ['riyals', 'SAR'],
  ['ringgit', 'MYR'],
  ['baht', 'THB'],
  ['rupiah', 'IDR'],
  ['naira', 'NGN'],
  ['hryvnia', 'UAH'],
  ['zloty', 'PLN'],
]);

/** Words before "dollars" that name another dollar ("Hong Kong dollars"); case kept. */
export const dollarCountries: ReadonlyMap<string, string> = new Map([
  ['US', 'USD'],
  ['U.S.', 'USD'],
  ['American', 'USD'],
  ['Kong', 'HKD'],
  ['Australian', 'AUD'],
  ['Canadian', 'CAD'],
  ['Zealand', 'NZD'],
  ['Singapore', 'SGD'],
  ['Taiwan', 'TWD'],
  ['Taiwanese', 'TWD'],
]);

/** Percentage units after the number; the value is the unit string the figure gets. */
export const percentWords: ReadonlyMap<string, string> = new Map([
  ['percent', 'percent'],
  ['pct', 'percent'],
  ['pc', 'percent'],
  ['pp', 'percentage points'],
  ['ppt', 'percentage points'],
  ['ppts', 'percentage points'],
  ['bps', 'basis points'],
  ['bp', 'basis points'],
]);

/**
 * Units of measure (kind `other`). Keys are matched case-sensitively first, then in lower case
 * for the spelled-out words; the unit string is the text as written.
 */
export const measureUnits: ReadonlySet<string> = wordSet(
  'km kms kilometre kilometres kilometer kilometers mile miles metre metres meter ' +
    'meters m cm mm ft feet foot inch inches yard yards km2 hectare hectares ha acre ' +
    'acres tonne tonnes ton tons kg kilogram kilograms kilo kilos gram grams lb lbs ' +
    'ounce ounces oz litre litres liter liters barrel barrels gallon gallons bcm kw ' +
    'mw gw tw kwh mwh gwh twh watt watts kilowatt kilowatts megawatt megawatts ' +
    'gigawatt gigawatts volt volts mph kph knot knots degree degrees gb tb mb kb pb ' +
    'gbps mbps byte bytes gigabyte gigabytes terabyte terabytes second seconds minute ' +
    'minutes hour hours day days week weeks month months year years decade decades ' +
    'century centuries winters summers autumns seasons times',
);

/** Units of time: with "ago", "earlier" or "later" after them they make a date, not a figure. */
export const durationUnits: ReadonlySet<string> = wordSet(
  'second seconds minute minutes hour hours day days week weeks month months year years ' +
    'decade decades century centuries',
);

/** Units of more than one token ("square kilometres", "km/h"); lower-case token texts. */
export const multiTokenUnits: readonly (readonly string[])[] = [
  ['square', 'kilometres'],
  ['square', 'kilometers'],
  ['square', 'km'],
  ['square', 'miles'],
  ['square', 'metres'],
  ['square', 'meters'],
  ['square', 'feet'],
  ['sq', 'km'],
  ['sq', 'mi'],
  ['cubic', 'metres'],
  ['cubic', 'meters'],
  ['nautical', 'miles'],
  ['light', 'years'],
  ['degrees', 'celsius'],
  ['degrees', 'fahrenheit'],
  ['km', '/', 'h'],
  ['°', 'c'],
  ['°', 'f'],
];

/** Unit suffixes written against the digits ("8km", "5pc"); lower case. Ordinals are not here. */
export const attachedMeasureUnits: ReadonlySet<string> = wordSet(
  'km kms cm mm ft kg lb lbs oz kw mw gw kwh mwh gwh twh mph kph gb tb mb km2 ha',
);

/**
 * Names of states, their short forms and demonyms: a speaker named by one is a state actor
 * ("Russia has regularly rejected…"), and a demonym before a counted noun is a modifier, not
 * part of the unit ("3,607 Chinese websites"). General geography, not any article's words.
 */

const stateList = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|
Canada|Cape Verde|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|
Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|
Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|
Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|
Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|
Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|
Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|
Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|
South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|
Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkiye|Turkmenistan|Tuvalu|
Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|United States of America|
Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|US|USA|U.S.|UK|
Britain|Great Britain|UAE|DPRK|PRC|ROK`;

const demonymList = `afghan albanian algerian american angolan argentine argentinian armenian
australian austrian azerbaijani bangladeshi belarusian belgian bolivian bosnian brazilian
british bulgarian cambodian cameroonian canadian chilean chinese colombian congolese croatian
cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean estonian
ethiopian european filipino finnish french georgian german ghanaian greek guatemalan haitian
honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian jamaican
japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese libyan
lithuanian malagasy malawian malaysian malian maltese mexican moldovan mongolian moroccan
mozambican namibian nepalese nepali nigerian nigerien norwegian omani pakistani palestinian
panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan saudi
scottish senegalese serbian singaporean slovak slovenian somali spanish sudanese swedish swiss
syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan
uzbek venezuelan vietnamese welsh yemeni zambian zimbabwean us u.s. uk eu western foreign
domestic local overseas international national regional global state-owned state-run`;

const key = (name: string): string => name.toLowerCase().replace(/\s+/g, ' ').trim();

/** Lower-cased state names and short forms. */
export const stateNames: ReadonlySet<string> = new Set(
  stateList
    .split('|')
    .map((name) => key(name))
    .filter(Boolean),
);

/** Lower-cased demonyms and place adjectives ("Chinese", "US", "local"). */
export const demonyms: ReadonlySet<string> = new Set(demonymList.split(/\s+/).filter(Boolean));

/** Whether a name (any case) is a state. */
export function isStateName(name: string): boolean {
  return stateNames.has(key(name).replace(/^the /, ''));
}

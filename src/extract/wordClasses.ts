/**
 * Closed word classes the rules lean on: auxiliaries, adverbs that sit between a subject and
 * its verb, determiners, prepositions, pronouns, titles, abbreviations. General English, not
 * any article's words.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Auxiliaries and modals: a piece that holds one has a finite verb. */
export const auxiliaries = set(`is are was were be been being am has have had having will would
  shall should can could may might must do does did 's 've 'd 'll`);

/** Adverbs that sit between a speaker and the cue ("have consistently denied"). */
export const frameAdverbs = set(`also repeatedly consistently regularly flatly reportedly later
  previously publicly privately recently then further again strongly firmly already earlier once
  often long separately quickly swiftly immediately formally officially angrily categorically
  emphatically vehemently strenuously explicitly openly initially subsequently likewise similarly
  still yet ever even too just now first bluntly calmly simply widely generally`);

/** Negators: "did not deny". */
export const negators = set(`not never no n't cannot`);

/** Determiners and quantifiers that open a description. */
export const determiners = set(`a an the this that these those one two three four five several
  some many most few other another any each all both its their his her our my your`);

/** Prepositions. */
export const prepositions = set(`in on at by for from to with of about into over after before
  during since until through across against among between under within without via per amid
  toward towards aside despite`);

/** Personal pronouns that can be speakers, with the number they imply. */
export const pronounSpeakers: ReadonlyMap<string, 'singular' | 'plural' | 'thing'> = new Map([
  ['he', 'singular'],
  ['she', 'singular'],
  ['they', 'plural'],
  ['it', 'thing'],
  ['we', 'plural'],
  ['i', 'singular'],
]);

/** Words that open a fragment which is not a sentence by itself ("In March.", "Last year."). */
export const fragmentOpeners = set(`in on at during last this next earlier later speaking
  addressing asked writing since by after before aside from until`);

/**
 * Titles and roles before a name ("US Army Gen. Paul Nakasone", "Kremlin Spokesman Dmitry
 * Peskov"). The name is what follows the last title.
 */
export const titles = set(`president vice prime minister secretary general gen lt col colonel
  sgt sergeant capt captain adm admiral commander chief director spokesman spokeswoman
  spokesperson adviser advisor ambassador senator sen rep representative congressman
  congresswoman governor gov mayor judge justice chairman chairwoman chair ceo cfo coo cto
  founder head deputy counsel council attorney prosecutor inspector officer minister premier
  chancellor king queen prince princess sheikh pope cardinal bishop rev dr mr mrs ms miss prof
  professor lord lady sir dame commissioner superintendent marshal lieutenant major envoy
  speaker leader executive analyst economist researcher editor correspondent president-elect
  treasurer auditor registrar administrator coordinator manager chairperson councillor
  councilor alderman mp legislator lawmaker spokesman`);

/** Abbreviations whose full stop does not end a sentence. */
export const abbreviations = set(`gen lt col sgt capt adm cmdr mr mrs ms dr prof sen rep gov st
  jr sr inc ltd co corp no vs etc jan feb mar apr aug sept sep oct nov dec rev hon est approx
  dept univ assn bros mt ft`);

/** Nouns that name people by role: heads of anonymous descriptions and groups. */
export const personNouns = set(`expert experts official officials analyst analysts source sources
  diplomat diplomats observer observers person people resident residents spokesman spokeswoman
  spokesperson spokespeople insider insiders aide aides adviser advisers advisor advisors
  economist economists researcher researchers scientist scientists witness witnesses worker
  workers employee employees executive executives lawmaker lawmakers legislator legislators
  activist activists critic critics investigator investigators prosecutor prosecutors officer
  officers minister ministers member members leader leaders student students doctor doctors
  engineer engineers trader traders investor investors banker bankers lawyer lawyers
  campaigner campaigners protester protesters organiser organisers organizer organizers
  farmer farmers voter voters parent parents teacher teachers police commentator
  commentators scholar scholars academic academics specialist specialists professor professors
  negotiator negotiators mediator mediators envoy envoys staff staffer staffers veteran
  veterans journalist journalists reporter reporters editor editors manager managers
  representative representatives delegate delegates authorities authority insiders
  correspondent correspondents pundit pundits strategist strategists planner planners
  consultant consultants director directors chief chiefs head heads regulator regulators
  supporter supporters opponent opponents neighbour neighbours neighbor neighbors survivor
  survivors victim victims relative relatives friend friends colleague colleagues man woman men
  women citizen citizens villager villagers owner owners operator operators user users
  customer customers shareholder shareholders analyst`);

/** Nouns that name organisations generically ("the ministry", "the company"). */
export const organisationNouns = set(`ministry ministries agency agencies government governments
  company companies firm firms group groups committee council commission office department
  administration bank authority authorities institute university police army military navy
  court parliament congress senate party campaign union association federation foundation
  organisation organization center centre team regulator board cabinet embassy kremlin
  white-house pentagon service services corporation network alliance coalition bureau
  watchdog operator manufacturer maker insurer lender airline carrier utility hospital
  school council`);

/** Nouns for media: "media reported", "local media", "state television". */
export const mediaNouns =
  set(`media press newspaper newspapers paper papers outlet outlets broadcaster
  broadcasters television tv radio agency wire daily tabloid magazine website`);

/** Nouns for documents that can "say", "show" or "find". */
export const documentNouns = set(`report reports study studies survey surveys statement
  statements analysis data figures document documents filing letter memo memorandum review
  audit assessment paper research census poll polls regulation law bill draft ruling
  judgment judgement indictment complaint release communique communiqué transcript`);

/** Words in a capitalised name that mark an organisation, and which kind. */
export const organisationNameWords = set(`agency ministry department institute university
  committee council commission administration bureau office team center centre corporation corp
  inc ltd company co group bank authority party army navy force forces command service
  services association federation foundation union league court parliament congress senate
  assembly campaign fund trust board organisation organization coalition alliance network
  laboratory labs systems technologies technology industries holdings police guard`);

/** Words in a capitalised name that mark a news outlet. */
export const outletNameWords = set(`times news post journal daily herald gazette tribune telegraph
  guardian observer express mirror chronicle standard press wire television tv radio
  broadcasting channel newswire magazine weekly review monitor courier dispatch bulletin`);

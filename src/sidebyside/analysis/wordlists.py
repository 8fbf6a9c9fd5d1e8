"""The words the attribution rules know, as data, in one place.

Quote attribution (`analysis.quotes`) and speaker resolution (`analysis.speakers`) read
the same English: determiners, titles, role words. Keeping every list here means a new
rule is usually one more word on one line, and the two stages cannot drift apart (a
determiner the phrase finder skips is one role resolution ignores too).

All words are folded (lower case, no accents, straight apostrophes), as `fold` makes them.
Lists that look alike but differ are deliberate and say why: `PERSON_NOUNS` (who "he"
may refer to) is not `ROLE_HEADS` (which roles may be tied to a name).
"""

from __future__ import annotations

# ------------------------------------------------------------------ shared function words

ARTICLES = frozenset("the a an".split())
DEMONSTRATIVES = frozenset("this that these those".split())
THIRD_PERSON_POSSESSIVES = frozenset("its his her their".split())
#: Prepositions that may sit inside a noun phrase ("a spokesman for the governor").
NP_PREPOSITIONS = frozenset("of for with".split())
DETERMINERS = ARTICLES | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES | frozenset("our your my".split())
#: Words a role phrase may contain that say nothing about the role itself.
STOP = (
    ARTICLES
    | DEMONSTRATIVES
    | THIRD_PERSON_POSSESSIVES
    | NP_PREPOSITIONS
    | frozenset("to in at on by from and or".split())
)

#: Abbreviated titles: an honorific before a name, and a full stop that ends no sentence.
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr prof".split())
#: Abbreviated role titles ("Gen. Haftar") and the role head each stands for.
ROLE_ABBREVIATIONS = {"gen": "general", "gov": "governor", "sen": "senator", "col": "colonel"}
#: Words whose full stop does not end a sentence or a noun phrase ("Gen. Khalifa Haftar").
ABBREVIATIONS = (
    TITLE_ABBREVIATIONS | frozenset(ROLE_ABBREVIATIONS) | frozenset("lt rep st jr sr capt maj sgt rev".split())
)
#: Titles that may stand before a name without being a role worth resolving.
HONORIFICS = TITLE_ABBREVIATIONS | frozenset("miss professor sir dame lord lady sheikh mx".split())

# ------------------------------------------------------------------ speech cues

SAY_VERBS = frozenset(
    """said says say added adds warned warns acknowledged acknowledges admitted admits insisted insists
    claimed argued argues stressed stresses noted explained explains declared declares announced
    announces asserted asserts reiterated reiterates confirmed confirms denied denies suggested
    suggests estimated estimate predicted predicts promised vowed vows pledged pledges threatened
    threatens replied replies responded wrote writes tweeted tweets recalled recalls complained
    complains conceded concedes emphasised emphasized emphasises emphasizes maintained maintains
    contended contends alleged alleges cautioned cautions lamented laments reported observed
    remarked commented countered retorted boasted hinted signalled signaled stated
    underscored underscores elaborated elaborates shouted shouts
    """.split()
)
#: Bare forms count only after a modal ("He did acknowledge"); alone they are often nouns.
BASE_FORMS = frozenset(
    """say add warn acknowledge admit insist claim argue stress note explain declare announce
    assert reiterate confirm deny suggest estimate predict promise vow pledge threaten reply
    respond write recall complain concede emphasise emphasize maintain contend allege caution
    tell inform assure remind ask urge demand
    """.split()
)
#: Words that make the bare form after them a noun: "more than the first estimate", "an
#: initial report", "their own claim" (a plural subject before a present verb is a noun
#: phrase of its own: "officials estimate", never "the first estimate").
NOUN_MODIFIERS = frozenset(
    """first second third last latest initial earlier previous new early final preliminary original
    revised own official formal public""".split()
)
#: A bare form that is not a say verb reads as this past form ("did tell" is "told").
# fmt: off
BASE_AS_PAST = {
    "tell": "told", "inform": "informed", "assure": "assured", "remind": "reminded",
    "ask": "asked", "urge": "urged", "demand": "demanded",
}
# fmt: on
MODALS = frozenset("did does do would will could can may might must should shall".split())
#: Verbs whose object is the hearer, kept in the cue ("told the newspaper").
TELL_VERBS = frozenset("told tells tell informed informs assured assures reminded reminds".split())
#: Verbs whose reported words are the whole predicate ("accused X of Y", "described X as Y").
REQUEST_VERBS = frozenset(
    """asked asks urged urges accused accuses demanded demands appealed appeals pressed implored
    begged described describes branded dubbed labelled labeled hailed
    """.split()
)
#: "called for", "calls on": the particle belongs to the cue.
PHRASAL_REQUEST = {"called": ("for", "on"), "calls": ("for", "on"), "calling": ("for", "on")}
#: "..., acknowledging ...": participles that report speech, and the kind of cue each is
#: (a `quotes.speech.CueKind` value).
# fmt: off
PARTICIPLES: dict[str, str] = {
    **{w: "say" for w in """saying adding warning acknowledging admitting insisting claiming arguing
    stressing noting explaining declaring announcing asserting reiterating confirming denying
    suggesting vowing pledging promising threatening complaining conceding emphasising emphasizing
    recalling
    """.split()},
    "telling": "tell",
    **{w: "request" for w in "accusing urging asking demanding calling".split()},
}
# fmt: on
#: Verbs that may come before their subject: "..., said Salame." ("told" never does).
INVERTIBLE = frozenset(
    """said says added adds asked asks wrote writes explained insisted noted warned declared
    recalled replied continued
    """.split()
)
#: "Northline puts the figure at ...": verbs that give a number when followed by a tally noun.
FIGURE_VERBS = frozenset("puts put places placed".split())
TALLY_NOUNS = frozenset("figure number toll total tally count cost".split())

# ------------------------------------------------------------------ clause structure

AUX = frozenset(
    "has have had is are was were will would can could did does do may might must should shall be been being".split()
)
ADVERBS = frozenset(
    """also later again still then reportedly previously repeatedly once further separately
    already never not earlier publicly privately openly recently simply just had has have did
    would will
    """.split()
)
PASSIVE = frozenset("is are was were be been being".split())
#: Subject pronouns and what they may refer to.
PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "we": "plural", "i": "person"}
RELATIVE_PRONOUNS = frozenset("who which whose whom".split())
#: Words that end a noun phrase when walking over it.
BREAK_WORDS = frozenset(
    """that who which whose whom while when whereas after before because although though if as
    since until where whether than so but or nor yet then despite during
    """.split()
)
#: Prepositions allowed inside a subject only between words ("head of mission to Libya").
INNER_PREPOSITIONS = frozenset("to in at on from by about against into over under".split())
#: Words a noun phrase cannot begin with: the walk over it went one word too far.
NOT_PHRASE_INITIAL = NP_PREPOSITIONS | frozenset("to in at on from by and but so".split())
#: Words that end a noun phrase after a cue ("said Salame on Tuesday").
AFTER_NP_BREAKS = frozenset("to in at on from by after before during about".split())
#: Words opening a subordinate clause: after an attribution, the attribution is over.
SUBORDINATORS = frozenset("when while as after before because although though if since until once".split())
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier
    later recently last this next week month year morning afternoon evening night on late early
    overnight weekend
    """.split()
)
#: Finite verbs that are not speech, so a rule can tell where a clause's verb is.
COMMON_VERBS = frozenset(
    """met meets meet rejected ruled launched justified began begun made took gave went led held
    saw sees won lost came comes sent kept left found fought struggled backed supported visited
    hosted attacked killed stopped moved presents present faces face remain remains remained
    gets got runs ran spoke speaks speak
    """.split()
)

# ------------------------------------------------------------------ who a phrase names

#: Heads of noun phrases that name a person (so "he" can refer to them).
PERSON_NOUNS = frozenset(
    """official officials spokesman spokeswoman spokesperson minister president envoy commander
    diplomat source man woman resident witness analyst expert leader chief head general marshal
    strongman king queen prince ambassador governor mayor senator lawmaker director chairman
    chairwoman chair officer doctor surgeon nurse lawyer attorney prosecutor judge father mother
    son daughter brother sister wife husband farmer worker teacher student activist researcher
    scientist economist professor manager coach captain player driver pilot soldier survivor
    owner founder engineer representative negotiator mediator aide adviser advisor
    secretary-general secretary inspector detective sheriff
    """.split()
)
#: Heads meaning "what a person said" ("according to Haftar's statement" is Haftar).
DOCUMENT_NOUNS = frozenset(
    """statement interview remarks comments words letter speech tweet post account briefing
    toll report figures figure data count tally estimate estimates survey census assessment
    update release
    """.split()
)
#: Words of an institution's name: "he" never refers to "the ministry".
ORG_WORDS = frozenset(
    """news agency ministry office council government army network organization organisation
    nations union times post tv radio federation company committee commission party police
    department service services bank court parliament association institute newspaper channel
    statement elysee palace house kremlin
    """.split()
)

# ------------------------------------------------------------------ roles and names

#: Surname particles that belong to the surname ("al-Sarraj", "von der Leyen").
PARTICLES = frozenset("al el ul bin ibn abu de del della der van von da di du la le".split())
#: Role words as printed -> the head they stand for. Multi-word heads first.
# fmt: off
ROLE_HEADS: dict[str, str] = {
    "special representative": "envoy", "special envoy": "envoy", "special coordinator": "envoy",
    "prime minister": "prime minister", "vice president": "vice president", "vice-president": "vice president",
    "field marshal": "marshal", "crown prince": "crown prince", "chief executive": "chief executive",
    "attorney general": "attorney general", "foreign minister": "foreign minister",
    "defence minister": "defence minister", "defense minister": "defence minister",
    "interior minister": "interior minister", "finance minister": "finance minister",
    "health minister": "health minister", "secretary of state": "secretary of state",
    "secretary-general": "secretary-general", "secretary general": "secretary-general",
    "president": "president", "premier": "prime minister", "chancellor": "chancellor",
    "minister": "minister", "envoy": "envoy", "representative": "envoy", "mediator": "envoy",
    "commander": "commander", "general": "general", "marshal": "marshal",
    "strongman": "strongman", "warlord": "warlord", "leader": "leader", "chief": "chief", "head": "head",
    "king": "king", "queen": "queen", "prince": "prince", "emir": "emir", "sultan": "sultan",
    "pope": "pope", "ambassador": "ambassador", "governor": "governor",
    "mayor": "mayor", "senator": "senator", "congressman": "lawmaker",
    "congresswoman": "lawmaker", "lawmaker": "lawmaker", "speaker": "speaker", "director": "director",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "ceo": "chief executive",
    "coach": "coach", "manager": "manager", "captain": "captain", "judge": "judge",
    "prosecutor": "prosecutor", "candidate": "candidate", "nominee": "candidate", "founder": "founder",
    "dictator": "dictator", "ruler": "ruler", "monarch": "monarch", "spokesman": "spokesperson",
    "spokeswoman": "spokesperson", "spokesperson": "spokesperson", "mp": "lawmaker",
    "commissioner": "commissioner", "superintendent": "superintendent", "sheriff": "sheriff",
    "colonel": "colonel", "admiral": "admiral", "archbishop": "archbishop",
    "bishop": "bishop", "rabbi": "rabbi", "imam": "imam", "cardinal": "cardinal",
    "secretary": "secretary", "president-elect": "president-elect", "premier-elect": "prime minister",
    **ROLE_ABBREVIATIONS,
}
# fmt: on
#: Heads that name nobody in particular: an article has many officials.
ANONYMOUS_HEADS = frozenset("official officials source sources diplomat diplomats aide adviser".split())
#: A tie carrying one of these only resolves mentions that say it too ("former president").
BLOCKING = frozenset("former ex late deputy vice acting interim outgoing incoming assistant".split())
#: Nationality adjectives folded to their country, so "French president" meets "president of France".
# fmt: off
DEMONYMS = {
    "french": "france", "libyan": "libya", "american": "us", "british": "uk", "italian": "italy",
    "german": "germany", "russian": "russia", "chinese": "china", "egyptian": "egypt",
    "turkish": "turkey", "iranian": "iran", "iraqi": "iraq", "syrian": "syria", "israeli": "israel",
    "palestinian": "palestine", "ukrainian": "ukraine", "spanish": "spain", "canadian": "canada",
    "japanese": "japan", "indian": "india", "brazilian": "brazil", "mexican": "mexico",
    "kenyan": "kenya", "nigerian": "nigeria", "european": "eu", "emirati": "uae", "saudi": "saudi arabia",
    "tunisian": "tunisia", "algerian": "algeria", "sudanese": "sudan", "greek": "greece",
    "polish": "poland", "dutch": "netherlands", "belgian": "belgium", "swiss": "switzerland",
    "austrian": "austria", "swedish": "sweden", "norwegian": "norway", "danish": "denmark",
    "finnish": "finland", "irish": "ireland", "scottish": "scotland", "welsh": "wales",
    "australian": "australia", "portuguese": "portugal", "chilean": "chile", "peruvian": "peru",
    "colombian": "colombia", "venezuelan": "venezuela", "argentine": "argentina",
    "korean": "korea", "pakistani": "pakistan", "afghan": "afghanistan", "lebanese": "lebanon",
    "jordanian": "jordan", "qatari": "qatar", "yemeni": "yemen", "ethiopian": "ethiopia",
    "malian": "mali", "chadian": "chad", "moroccan": "morocco", "icelandic": "iceland",
}
# fmt: on
COUNTRIES = frozenset(DEMONYMS.values()) | frozenset("un us uk eu nato".split())
#: Lower-case words allowed inside a role written before a name ("Libyan eastern commander").
ROLE_ADJECTIVES = frozenset(
    """eastern western northern southern central senior top chief deputy former acting interim
    foreign defence defense interior finance health special military army rebel opposition
    national regional local federal state presidential veteran longtime powerful ex late
    outgoing incoming vice prime field crown secretary attorney assistant un us eu
    """.split()
)
#: Owners so general they name nothing ("the country's president", "the union's leader").
GENERIC_OWNERS = frozenset(
    """country nation province region state city town government party union agency company
    firm group organisation organization team club army ministry department federation council
    board league movement
    """.split()
)
#: Words that end a role written before a name: verbs and the like.
ROLE_STOP_VERBS = frozenset(
    """met meets told tells said says asks urges thanks visits hosts is was are were has have
    had will would also than then as but not who whom when while after before during against
    between
    """.split()
)

# ------------------------------------------------------------------ the story's named people

MONTHS = frozenset("january february march april may june july august september october november december".split())
#: Words of places, institutions, outlets and ships that a capitalised run may hold but a
#: person's name does not ("Downing Street", "Northline Rail", "Kwena Gold", "Red Cross").
NOT_NAME_WORDS = frozenset(
    """street road avenue square lane station airport port harbour harbor bridge river lake
    mountain mount island islands sea ocean gulf bay valley city town village county province
    district region republic kingdom empire church mosque cathedral temple university college
    school academy hospital clinic centre center museum hotel stadium park gardens hall
    lines airlines airways rail railway railways railroad motors gold mining mines energy oil
    gas group holdings inc ltd plc corp corporation co llc fund trust foundation club united
    cross crescent guard guards force forces corps brigade battalion navy marines press media
    herald tribune journal gazette courier daily weekly online news sentinel bulletin express
    mail telegraph observer standard chronicle review monitor world global international
    security health environment affairs justice defence defense interior foreign finance
    state states national federal people community workers union north south east west new
    democrat democrats republican republicans
    """.split()
)
#: Words that start a sentence before a name without being part of it ("Both Macron and ...").
QUANTIFIERS = frozenset("both all each every some many several most few other others another neither either no".split())
#: Question words and adverbs or adjectives that open a sentence or a headline, capitalised
#: there, before a name they are not part of ("Why Delhi demands ...", "Recent Samsung ...").
OPENING_FUNCTION_WORDS = frozenset(
    """why how what whether whatever recent such more less latest meanwhile however moreover
    instead perhaps maybe yet even only just already again also when while although though
    because unless whereas once since until after before during despite within without
    inside outside across among amid upon under over behind beyond near toward towards via
    into onto through throughout against""".split()
)
#: People described by what they do or where they live rather than by a role: written
#: before a name they show that a person is meant ("Commuter Sarah Lindqvist").
PERSON_DESCRIPTIONS = frozenset(
    """commuter passenger resident neighbour neighbor victim organiser organizer campaigner
    protester protestor eyewitness bystander shopkeeper citizen voter tourist fisherman miner
    rescuer firefighter paramedic pensioner parent grandmother grandfather volunteer member
    """.split()
)

"""The word lists the engine shares: titles and honorifics, pronouns, first names, organisation
and document words, anonymity phrases. Each list says what it is for; cue verbs live in cues.py
(mined from data), quotation marks in marks.py."""

from __future__ import annotations

# pronouns that can stand for a person, with the gender they imply
PERSON_PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f", "i": "", "we": "", "they": "", "you": ""}

# titles and roles that may stand before a name ('Sen.', 'Superintendent') and are not part of it
TITLES = {
    "president", "vice", "sen", "sen.", "senator", "rep", "rep.", "representative", "gov", "gov.", "governor",
    "mayor", "secretary", "minister", "prime", "chancellor", "judge", "justice", "chief", "gen", "gen.",
    "general", "adm", "adm.", "admiral", "col", "col.", "lt", "lt.", "sgt", "sgt.", "capt", "capt.", "dr",
    "dr.", "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "sir", "lord",
    "lady", "king", "queen", "prince", "princess", "pope", "speaker", "leader", "spokesman", "spokeswoman",
    "spokesperson", "ambassador", "director", "commissioner", "chairman", "chairwoman", "chair", "ceo",
    "attorney", "candidate", "nominee", "former", "presidents", "senators", "state", "first", "deputy",
    "assistant", "press", "house", "majority", "minority", "whip", "analyst", "adviser", "advisor",
    "manager", "sheriff", "officer", "detective", "coach", "host", "anchor", "reverend", "rev", "rev.",
    "father", "rabbi", "bishop", "cardinal", "archbishop", "emperor", "premier", "mp", "msp", "councilman",
    "councilwoman", "councillor", "councilor", "cllr", "alderman", "alderwoman", "congressman", "congresswoman", "delegate", "trustee", "superintendent", "principal",
    # occupations written before a name ("Comedian Tess Morrow", "Economist Ann Lee")
    "comedian", "actor", "actress", "singer", "rapper", "musician", "author", "novelist", "writer", "columnist",
    "economist", "pollster", "strategist", "activist", "lawyer", "historian", "filmmaker", "producer",
    "businessman", "businesswoman", "billionaire", "consultant", "journalist", "reporter", "correspondent",
    "commentator", "pundit", "pastor", "pitcher", "quarterback", "drummer", "guitarist", "bassist", "songwriter",
    "pianist", "composer", "poet", "playwright", "physician", "surgeon", "scientist", "prosecutor", "executive",
    "counsel", "solicitor", "barrister", "editor", "founder", "co-founder", "chef", "designer", "architect",
    "engineer", "researcher", "lecturer", "provost", "epidemiologist", "virologist",
    # the sports desk ("Rovers boss Gary Boyd", "Captain Leon Mbeki", "Striker Ana Silva")
    "boss", "captain", "skipper", "striker", "goalkeeper", "midfielder", "defender", "winger", "forward",
    "batsman", "bowler", "jockey", "trainer", "referee", "umpire", "owner", "player", "cyclist", "rider",
    "swimmer", "golfer", "athlete", "sprinter", "runner", "boxer", "skier", "skater", "artist", "dancer",
    "showrunner", "presenter", "influencer", "director-general",
    # offices of state ("Treasurer Jim Chalmers", "Attorney-General Mark Dreyfus", "Envoy Ana Ruiz")
    "treasurer", "attorney-general", "solicitor-general", "comptroller", "auditor", "envoy", "consul",
    "governor-general", "ombudsman", "commissar",
    # ranks of police and armed forces, written out ("Detective Inspector Claire Dunn", "Lieutenant Ana Ruiz")
    "inspector", "constable", "sergeant", "lieutenant", "commander", "corporal", "marshal", "major", "private",
    # titles of other countries' news ("Taoiseach Micheál Martin", "Shri Ravi Kumar", "Sheikh Ahmed Ali")
    "det", "det.", "supt", "supt.", "insp", "insp.", "dci", "pc", "pm", "taoiseach", "tánaiste", "tanaiste", "mla", "mep", "td", "shri", "sri", "smt", "smt.", "sheikh", "emir", "imam",
    "ayatollah", "mufti", "crown", "baroness", "baron", "dame", "minister-president",
}

# the same, without their full stops
TITLE_WORDS = {t.rstrip(".") for t in TITLES}

# speech verbs the model sometimes takes into a name ('Said Ryan Ellis')
NAME_CUE_WORDS = {"said", "says", "added", "adds", "asked", "asks", "wrote", "writes", "told", "tells", "noted",
                 "notes", "according", "stated", "states", "continued", "continues", "explained", "argued",
                 "insisted", "declared", "tweeted", "posted", "recalled", "replied", "responded", "answered",
                 "warned", "observed", "remarked"}

# honorifics that tell a person's gender
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "congresswoman",
                     "chairwoman", "spokeswoman", "councilwoman"}

MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "king", "prince", "congressman", "chairman", "spokesman",
                   "councilman", "father"}

# heads of noun phrases that stand for an unnamed source ('officials', 'a person familiar with …')
ANONYMOUS_HEADS = {"official", "officials", "source", "sources", "person", "people", "aide", "aides",
                   "insider", "insiders", "diplomat", "diplomats", "staffer", "staffers", "adviser",
                   "advisers", "advisor", "advisors", "individual", "individuals", "member", "members"}

# phrases that mark a source as anonymous
ANONYMITY_CUES = ("anonymity", "not authorized", "not authorised", "familiar with", "declined to be named",
                  "declined to be identified", "asked not to be identified", "asked not to be named", "on background",
                  "unnamed", "anonymous", "requested anonymity")

# entity labels of speakers that are groups, not people
GROUP_ENTS = {"ORG", "NORP", "GPE", "FAC"}

# words that make a name or a noun phrase an organisation's: 'the campaign said', 'Acme Holdings Inc'
ORGANISATION_WORDS = {
    "administration", "agency", "army", "assembly", "association", "bank", "board", "cabinet", "campaign",
    "caucus", "center", "centre", "church", "coalition", "commission", "committee", "company", "congress",
    "corp", "council", "court", "department", "embassy", "firm", "foundation", "fund", "government", "group",
    "house", "inc", "institute", "magazine", "ministry", "network", "news", "newspaper", "office",
    "organisation", "organization", "panel", "paper", "parliament", "party", "police", "post", "school",
    "senate", "staff", "station", "team", "times", "union", "university",
}

# nouns for unnamed people that a 'he' or 'she' can refer to
GENDERED_NOUNS = {
    **dict.fromkeys(("woman", "mother", "wife", "daughter", "girl", "sister", "grandmother", "aunt", "niece",
                     "girlfriend", "widow", "mom"), "f"),
    **dict.fromkeys(("man", "father", "husband", "son", "boy", "brother", "grandfather", "uncle", "nephew",
                     "boyfriend", "widower", "dad"), "m"),
}

# nouns for people, by role or by relation ("the judge", "the woman"), for telling a person subject
PERSON_NOUNS = (TITLE_WORDS - {"vice", "prime", "chief", "former", "state", "first", "deputy", "assistant", "press",
                               "house", "majority", "minority", "presidents", "senators"}) | set(GENDERED_NOUNS) | {
    "voter", "resident", "student", "teacher", "doctor", "nurse", "witness", "protester", "supporter", "worker",
    "farmer", "owner", "driver", "veteran", "child", "kid", "lady", "guy", "customer", "neighbor", "neighbour",
    "victim", "official", "aide", "spokesperson", "lawmaker", "politician", "prosecutor", "defendant", "suspect",
}

# cues whose report is an intention or an appeal: 'wants to triple…', 'urged Congress to act'
XCOMP_CUES = {"want", "plan", "hope", "promise", "pledge", "vow", "agree", "refuse", "decline", "threaten",
              "seek", "offer", "urge", "ask", "call", "tell", "propose", "intend", "push", "press",
              "encourage", "demand", "warn", "expect", "argue", "deny", "admit", "acknowledge"}

# particles inside long names, never a name on their own: "Luiz Inácio Lula da Silva", "Ursula von der Leyen"
NAME_PARTICLES = {"da", "de", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "ten",
                  "zu", "la", "le", "bin", "ibn", "al", "el", "y", "e"}

# common first names, to tell a pronoun's gender when no honorific does
FEMALE_FIRST_NAMES = set(
    ["mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "laura", "sharon", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna", "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet", "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan", "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa", "kathryn", "sara", "janice", "jean", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber", "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose", "alexis", "kayla", "hillary", "kamala", "nikki", "elise", "ivanka", "melania", "michele", "tulsi", "kellyanne", "sarah", "huma", "chelsea", "condoleezza", "nancy", "dianne", "elizabeth", "kirsten", "amy", "maxine", "ilhan", "alexandria", "ayanna", "rashida", "liz", "marsha", "susan", "lisa", "tammy", "kristi", "kari", "giorgia", "ursula", "angela", "theresa", "natalia", "yulia", "olena", "marine", "jacinda", "greta", "malala", "oprah", "beyonce", "taylor", "hope", "karine", "jen", "dana", "kate", "sanna", "mette", "katalin"]
)

MALE_FIRST_NAMES = set(
    ["james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank", "patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan", "henry", "douglas", "zachary", "peter", "kyle", "walter", "ethan", "jeremy", "harold", "keith", "christian", "roger", "noah", "gerald", "carl", "terry", "sean", "austin", "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "jordan", "billy", "bruce", "albert", "willie", "gabriel", "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah", "louis", "bobby", "philip", "johnny", "barack", "bernie", "ted", "marco", "mike", "mitch", "chuck", "newt", "rudy", "reince", "jeb", "ben", "chris", "rand", "lindsey", "bill", "hunter", "vladimir", "volodymyr", "xi", "emmanuel", "boris", "rishi", "olaf", "recep", "benjamin", "narendra", "justin", "oleg", "pavel", "yehor", "oleksandr", "federico", "sergei", "dmitry", "kim", "jair", "javier", "keir", "kevin", "hakeem", "jd", "elon", "rex", "jim", "tim", "steve", "sean", "stephen", "reince", "kellyanne"]
) - {"kellyanne"}

# more given names, common in English-language news across countries (names used for both sexes left out)
FEMALE_FIRST_NAMES |= {
    "ilyse", "kristan", "roberta", "polly", "betsy", "jillian", "juanita", "loretta", "carly", "brigid", "neera",
    "debbie", "wendy", "tina", "gina", "valerie", "vanessa", "veronica", "monica", "erica", "erin", "allison",
    "alison", "anne", "annie", "beth", "bonnie", "carla", "caroline", "claire", "clara", "colleen", "connie",
    "courtney", "crystal", "darlene", "dawn", "eileen", "elaine", "ellen", "eva", "felicia", "gail", "georgia",
    "gwen", "holly", "irene", "jane", "janet", "jeanne", "jill", "jo", "joanna", "josephine", "joy", "kathy",
    "katie", "kristen", "kristin", "leah", "lillian", "lori", "lucy", "lynn", "mandy", "marcia", "margo", "marian",
    "melanie", "meghan", "meredith", "miriam", "molly", "nora", "paula", "peggy", "penny", "phyllis", "priscilla",
    "rita", "roxana", "sally", "sheila", "shannon", "sonia", "sonya", "stacey", "stacy", "sue", "suzanne", "sylvia",
    "tara", "tiffany", "tracy", "ursula", "vera", "vicki", "wanda", "yvonne", "zoe", "agnes", "ingrid", "olga",
    "svetlana", "irina", "tatiana", "anastasia", "fatima", "aisha", "priya", "anita", "sunita", "mei", "yuki",
    "sofia", "lucia", "carmen", "isabel", "elena", "ana", "marta", "francesca", "giulia", "chiara", "annalena",
    "birgit", "helga", "brigitte", "nathalie", "sylvie", "aurelie", "siobhan", "niamh", "aoife", "fiona", "kirsty",
    "ruby", "chloe", "ella", "mia", "ava", "amelia", "harper", "lily", "layla", "nadia", "samira", "leila",
    "marianne", "marjorie", "mildred", "norma", "pauline", "rosa", "rosemary", "stella", "tammy", "tanya",
    "theresa", "valentina", "willa", "patty", "hilary", "condi", "gretchen", "kellie", "kristina", "haley", "nikki",
}
MALE_FIRST_NAMES |= {
    "mitt", "rick", "ron", "dick", "newt", "jeff", "tom", "tony", "dan", "dave", "doug", "greg", "ken", "matt",
    "nick", "pat", "phil", "rob", "bob", "sam", "stan", "tad", "todd", "trey", "vic", "wes", "will", "zach", "al",
    "abe", "alberto", "alfred", "andre", "andy", "angus", "antonio", "barry", "bernard", "brent", "brett", "calvin",
    "carlos", "cecil", "chad", "clarence", "clint", "cole", "colin", "craig", "curtis", "dale", "darrell", "dean",
    "derek", "devin", "dominic", "don", "duncan", "dwight", "earl", "ed", "eddie", "elliot", "ernest", "evan",
    "felix", "fernando", "floyd", "francis", "franklin", "fred", "glenn", "gordon", "grant", "guy", "hank", "harry",
    "harvey", "herbert", "howard", "hugh", "ian", "ivan", "jake", "jared", "jay", "jerome", "jimmy", "joel", "jon",
    "jorge", "karl", "kurt", "lamar", "lance", "leo", "leon", "leonard", "lewis", "lloyd", "luis", "luke", "lyndon",
    "malcolm", "manuel", "marcus", "mario", "martin", "marvin", "maurice", "max", "melvin", "miguel", "milton",
    "mohammed", "muhammad", "ahmed", "ali", "omar", "hassan", "hussein", "ibrahim", "mustafa", "neil", "nelson",
    "norman", "oliver", "orrin", "oscar", "otto", "owen", "pedro", "perry", "pete", "raul", "reggie", "rex", "rocky",
    "rodney", "ross", "rudolph", "rupert", "salvador", "saul", "seth", "sherrod", "sidney", "simon", "spencer",
    "stuart", "ted", "theodore", "travis", "trent", "troy", "victor", "vince", "wade", "warren", "wesley", "wilbur",
    "xavier", "yuri", "zbigniew", "heinz", "hans", "klaus", "jurgen", "wolfgang", "friedrich", "pierre", "jacques",
    "jean-claude", "francois", "nicolas", "giuseppe", "matteo", "luigi", "sergio", "diego", "alejandro", "andres",
    "raj", "rahul", "arvind", "amit", "hiroshi", "takeshi", "shinzo", "fumio", "yoshihide",
    "liam", "declan", "sean", "seamus", "rory", "callum", "hamish", "dmitri", "alexei", "mikhail", "igor",
    "viktor", "andrzej", "mateusz", "ehud", "yair", "naftali", "bashar", "abdel", "mahmoud", "rodrigo", "ferdinand",
    "ban", "kofi", "cyril", "jacob", "uhuru", "william", "cory", "beto", "mo",
}

# given names of other countries' news: African, South Asian, Arab, Turkish, East Asian, Latin American, European
FEMALE_FIRST_NAMES |= {
    "amina", "ngozi", "chioma", "funmilayo", "wanjiru", "akua", "adwoa", "thandeka", "nomvula", "lindiwe", "zanele",
    "naledi", "nokuthula", "chimamanda", "folake", "yetunde", "pooja", "neha", "deepika", "kavita", "lakshmi", "meena",
    "nirmala", "smriti", "mamata", "mahua", "priyanka", "shweta", "sneha", "divya", "mariam", "huda", "rania",
    "yasmin", "zainab", "yoko", "keiko", "sanae", "yuriko", "akiko", "haruka", "guadalupe", "paola", "valeria",
    "gabriela", "daniela", "camila", "ximena", "claudia", "beatriz", "fernanda", "luciana", "marisol", "risa", "leni",
    "imelda", "corazon", "hana", "anneliese", "katarzyna", "agnieszka", "malgorzata", "magdalena", "ewa", "zuzana",
    "oksana", "ekaterina", "ségolène", "segolene", "anne-marie", "maite", "ines", "inês", "joana",
}
MALE_FIRST_NAMES |= {
    "oluwaseun", "chukwuemeka", "emeka", "tunde", "kwame", "kojo", "thabo", "sipho", "themba", "bongani", "raila",
    "bola", "atiku", "goodluck", "olusegun", "muhammadu", "yoweri", "paul-henri", "rajesh", "suresh", "ramesh",
    "sanjay", "vijay", "anil", "sunil", "ashok", "manoj", "ravi", "gaurav", "nitin", "piyush", "mohamed", "mohammad",
    "khalid", "abdullah", "yusuf", "tariq", "karim", "walid", "samir", "nabil", "faisal", "hamad", "kemal", "mehmet",
    "kenji", "taro", "shigeru", "koichi", "gustavo", "ricardo", "eduardo", "alvaro", "rafael", "enrique", "mauricio",
    "andrés", "joão", "joao", "luiz", "bongbong", "manny", "sergey", "andriy", "markus", "jens", "magnus", "lars",
    "sven", "björn", "bjorn", "erik", "jacinto",
}

# given names borne by women and men alike ("Pat Cullen", "Kim Davis", "Terry Branstad"): no gender from them
UNISEX_FIRST_NAMES = {"pat", "sam", "dale", "jo", "lynn", "tracy", "kelly", "jean", "taylor", "dana", "terry", "jordan",
                      "kim", "leslie", "robin", "casey", "jamie", "alex", "morgan", "jesse", "sandy", "cameron",
                      "sydney", "shannon", "courtney", "lindsay", "lindsey", "kerry", "carey", "jackie", "billie"}
FEMALE_FIRST_NAMES -= UNISEX_FIRST_NAMES
MALE_FIRST_NAMES -= UNISEX_FIRST_NAMES

# courtesy titles: a role only when nothing more informative is known
COURTESY_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "prof"}

# titles before a transcript label ('SEN. WARREN:')
LABEL_TITLES = {"MR", "MRS", "MS", "DR", "SEN", "REP", "GOV", "GEN", "PRESIDENT", "SENATOR", "GOVERNOR"}

# line labels of news pages that are not speakers ('UPDATE:', 'READ MORE:')
NOT_SPEAKERS = {"UPDATE", "NOTE", "EDITOR", "CORRECTION", "WATCH", "READ", "RELATED", "PHOTO", "VIDEO", "SOURCE",
                "SOURCES", "Q", "A", "AP", "CNN", "UPDATED", "BREAKING", "EXCLUSIVE", "OPINION", "ANALYSIS"}

# labels that name a document rather than a speaker ('Poll: …')
DOCUMENT_LABELS = {"Poll", "Survey", "Study", "Report", "Analysis", "Memo", "Audit"}

# things with words written on them, which "say" or "read" what is on them
INSCRIPTIONS = {"sign", "banner", "placard", "poster", "shirt", "t-shirt", "hat", "cap", "button", "sticker",
                "billboard", "headline", "caption", "plaque", "mug", "flag"}

# nouns for documents a source may be ('a statement', 'the court filing')
DOCUMENT_NOUNS = {
    "statement", "report", "letter", "memo", "memorandum", "filing", "document", "documents", "lawsuit",
    "complaint", "study", "survey", "poll", "release", "transcript", "op-ed", "editorial", "email",
    "emails", "indictment", "ruling", "order", "affidavit", "testimony", "analysis", "briefing", "post",
    "tweet", "video", "ad", "speech", "interview", "book", "essay", "column", "notice", "cable", "assessment",
    "papers", "records", "filings",
}

# short words a title-case heading may leave in lower case
TITLE_CASE_SMALL_WORDS = {"the", "and", "for", "with", "from", "into", "over", "but", "nor", "yet", "its", "per", "via",
                          "upon", "onto", "a", "an", "of", "in", "on", "at", "to", "by", "as", "or", "up", "vs"}


# US states as news style abbreviates them in party tags ("D-Ore.", "R-N.C.") and postal codes ("R-TX")
STATE_ABBREVIATIONS = {
    "Ala.", "Alaska", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "D.C.", "Fla.", "Ga.", "Hawaii", "Idaho",
    "Ill.", "Ind.", "Iowa", "Kan.", "Kans.", "Ky.", "La.", "Maine", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.",
    "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Ohio", "Okla.", "Ore.", "Pa.", "R.I.",
    "S.C.", "S.D.", "Tenn.", "Texas", "Tex.", "Utah", "Vt.", "Va.", "Wash.", "W.Va.", "W.V.", "Wis.", "Wyo.",
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA",
    "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR",
    "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
}
PARTY_LETTERS = {"D", "R", "I"}

# social platforms, longest first (the model may take "Twitter" for a person)
PLATFORMS = ("Truth Social", "Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "Telegram", "Threads",
             "Bluesky", "LinkedIn", "Reddit", "Substack", "Weibo", "WhatsApp", "Snapchat", "Gab", "Parler",
             "Rumble", "Truth")

# nationalities that stand for one person ("the Spaniard told reporters"); "-man"/"-woman" forms are read by shape
DEMONYMS = {"spaniard", "briton", "brit", "scot", "swede", "dane", "finn", "pole", "turk", "kiwi", "aussie", "american",
            "australian", "canadian", "german", "italian", "portuguese", "brazilian", "argentine", "argentinian",
            "belgian", "norwegian", "russian", "ukrainian", "serb", "croat", "kenyan", "nigerian", "ghanaian",
            "japanese", "korean", "chinese", "indian", "pakistani", "mexican", "colombian", "chilean", "uruguayan",
            "swiss", "austrian", "greek", "israeli", "egyptian", "moroccan", "jamaican", "ethiopian", "ugandan",
            "zimbabwean", "cameroonian", "senegalese", "ivorian", "south african", "new zealander", "filipino",
            "indonesian", "iranian", "iraqi", "syrian", "lebanese", "saudi", "venezuelan", "peruvian", "cuban",
            "slovenian", "slovak", "czech", "hungarian", "romanian", "bulgarian", "estonian", "latvian", "lithuanian"}

"""English."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

FCC = "FCC 24-24, 47 CFR 64.1200(a)(10): always a valid revocation (compliance.md)"
CARRIER = "carrier/provider default opt-out keyword (compliance.md: Twilio, Telnyx, Plivo, AWS)"

# Things a business texts: the object of "stop ...", "no more ...", "don't want ...".
MSG = (
    "text~|txt~|txts|texting|message~|msg~|msgs|sms|spam~|alert~|notification~|promo~|ad|ads"
    "|advert~|marketing|offer~|deal~|reminder~|update~|newsletter~|email~|mail~|call~"
    "|contact~|communication~|solicitation~|junk|crap|shit|bs|nonsense|robotext~|bot"
)
# Pointing words: only as the end of a message ("stop this", "I don't want this").
THIS = "this|these|them|it|that|those|any|anything|all|em"
THIS_NOT_IT = "this|these|them|that|those|any|anything|all|em"
SEND = "text~|txt~|texting|messag~|msg~|send~|sending|contact~|call~|spam~|bother~|email~|writ~"
SEND += "|harass~|hit|hitting|hittin|blow~|sms|ping~|reach~"
# Messaging words only (not "deal", "call", "update"): the object of formal wording
# ("cease all text messages") and of a list a number is taken off.
TEXTS = (
    "text~|txt~|sms|message~|messaging|msg~|alert~|notification~|reminder~|marketing|promo~"
    "|newsletter~|robotext~|spam~|communication~|solicitation~|notice|notices|announcement~"
    "|bulletin~"
)
UNWANTED = "unwanted|not wanted|unwelcome|unsolicited|undesired"
# Politeness and emphasis after a bare keyword ("cancel thx", "end pls"): the keyword still
# stands alone, so these are never the object that makes "cancel X" something else.
POLITE = (
    "please|pls|plz|plse|pleas|pleasee|thanks|thank|thankyou|thanx|thx|ty|tyvm|asap"
    "|immediately|already|sir|maam|mam|again|forever|lol|omg|ugh|ffs|wtf|dammit|ok|okay|k|kk"
)
# Words that may stand between "remove me from" and what the number is removed from without
# making it something other than a messaging list ("the 3pm class", "the waitlist").
LISTISH = f"list|lists|mailing|database|system|contacts|and|or|n|plus|{TEXTS}"
# What people are taken off that is not a messaging list.
# Words that end the description of a list and start something else ("get me from the
# airport and text me"): never inside the words before a list.
CLAUSE = "and|or|but|then|when|if|so|because|i|im|ill|you|u|we|please|pls|at|to|in|on|by|with"
CLAUSE += "|after|before|while|me"
NOT_A_LIST = (
    "waitlist|waitlists|wait list|waiting list|waitinglist|queue|class|classes|shift|shifts"
    "|schedule|rota|roster|lineup|carpool|car pool|reservation|reservations|booking|bookings|hold"
    "|appointment|appointments|appt|session|sessions|lesson|lessons|course|event|party|rsvp"
    "|guest list|game|match|tournament|race|trip|tour|flight|ride|order|cart|tab|photo"
    "|picture|pic|meeting|bus|van|shuttle|route|raffle|drawing|draft|auction|ballot|tee time"
    "|court|rotation|potluck|airport|station|school|work|office|hotel|gym|practice|daycare"
    "|hospital|clinic|misery|bed|jail|autopay|auto pay|autodraft|autorenew|auto renew"
    "|auto renewal|autoship|auto ship|paperless|slot|slots|timeslot|time slot|calendar|payroll"
    "|committee|board|lease|loan|policy|prescription|medication|meds|insurance|account"
    "|speaker|speakerphone|speaker phone|mute"
)

# Someone else, or the phone itself, as the object of "don't text ...": "do not text her
# again", "don't text it, this is a work phone" (the number's owner speaking for it).
OTHER = (
    "her|him|them|it|this phone|this line|that number|this cell|my mom|my dad|my mother"
    "|my father|my son|my daughter|my wife|my husband|my kid|my kids|my child|my grandma"
    "|my grandmother|my grandpa|my grandfather|my boss|my employee|my business|my work phone"
)
# Timing words after "don't text her": a request about when, not a refusal ("don't text
# him until Monday").
WHEN = (
    "instead|back|about|when|if|until|til|till|before|after|yet|first|directly|at|on|the|a"
    "|an|this|that|with|for|to|unless|only|tomorrow|today|tonight|later|right|while|during"
)
# Gerunds after "stop" that are about sending (an opt-out), not another activity ("stop
# taking the medication", "stop raising prices").
SENDING = (
    "text~|txt~|messag~|msg~|send~|contact~|call~|spam~|bother~|email~|writ~|harass~|ping~"
    "|reach~|bug~|pester~|solicit~|market~|advert~|notif~|alert~|remind~|follow~|stalk~"
    "|target~|robo~|promot~|us~|sell~|shar~|giv~|hit~|blow~|mess~|bomb~|flood~|hound~"
    "|annoy~|disturb~|nag~|sms~|receiv~|getting|hear~|trying|being|doing|wasting"
)
# Whom a regulator or lawyer complaint goes to.
AUTHORITY = (
    "fcc|ftc|cfpb|bbb|better business bureau|attorney general|attorney generals|ag|ags"
    "|consumer protection|do not call registry|donotcall|tcpa|state attorney|my lawyer"
    "|my attorney|a lawyer|an attorney|the police|police|my carrier|regulators"
)
# "I still want the texts": said beside an opt-out word, the message is mixed (review).
# What "you have the wrong ..." corrects when it is not the recipient ("the wrong address").
WRONG_THING = (
    "name|names|address|addy|time|date|day|days|email|e mail|unit|apt|apartment|suite|size"
    "|sizes|order|item|items|color|colour|model|appointment|appt|info|information|details"
    "|account|card|amount|price|total|spelling|zip|zipcode|postcode|code|version|location"
    "|store|branch|file|record|records|dob|birthday|policy|invoice|bill|package|parcel"
    "|delivery|room|floor|building|street|city|state|plate|car|vehicle|doctor|dentist"
    "|office|clinic|service|plan|product|prescription|medication|dose|pharmacy|refill"
    "|last name|first name|middle name|spelling|week|month|year|pickup|drop off|dropoff"
)
# What people say they never signed that is a document, not consent to texts.
SIGNED_THING = (
    "the|a|an|my|our|his|her|their|paperwork|papers|lease|contract|form|forms|document"
    "|documents|check|cheque|receipt|waiver|in|off|out|it|for the|for my|for a|for it"
    "|for that|for his|for her|for any package|for a package|for the package"
)
# Things a business sends that are not texts ("stop sending the package to my old address").
SENT_DET = "the|my|a|your|ur|that|this|these|those|any"
SENT_THING = (
    "package|packages|parcel|parcels|order|orders|invoice|invoices|bill|bills|statement"
    "|statements|catalog|catalogs|catalogue|catalogues|magazine|magazines|sample|samples|box"
    "|boxes|shipment|shipments|delivery|deliveries|refill|refills"
)
# People a business sends to a home ("stop sending the tech in the morning").
VISITOR = (
    "tech|techs|technician|technicians|driver|drivers|courier|couriers|guy|guys|man|men"
    "|crew|crews|worker|workers|plumber|plumbers|nurse|nurses|cleaner|cleaners|installer"
    "|installers|delivery guy|mailman|rep|reps|salesman|salesmen|salesperson|agent|agents"
    "|people|someone|somebody|inspector|movers|mover"
)
# A clock time as people write it ("3pm", "10:30am", "9am"), as word endings.
CLOCK_TIME = "|".join(f"*{d}{m}" for m in ("am", "pm") for d in "0123456789")
KEEP_TEXTS = "text~|txt~|sms|alert~|messag~|deal~|update~|reminder~|offer~|promo~|them|these|you"

LEXICON = Lexicon(
    language="en",
    name="English",
    opt_out=(
        Keyword("STOP", FCC),
        Keyword("QUIT", FCC, S.WORD),
        Keyword("END", FCC, S.WORD),
        Keyword("REVOKE", FCC, S.WORD),
        Keyword("OPT OUT", FCC, S.STRONG),
        Keyword("CANCEL", FCC, S.WORD),
        Keyword("UNSUBSCRIBE", FCC, S.STRONG),
        Keyword("STOPALL", CARRIER, S.STRONG),
        Keyword("STOP ALL", CARRIER),
        Keyword("OPTOUT", CARRIER, S.STRONG),
        Keyword("OPT-OUT", CARRIER, S.STRONG),
        Keyword("UNSUB", CARRIER, S.STRONG),
        Keyword("REMOVE", "AWS End User Messaging default opt-out keyword", S.WORD),
        Keyword("STOP2QUIT", CARRIER, S.STRONG),
        Keyword("STOP2END", "usage: variant of STOP2QUIT in program footers", S.STRONG),
        Keyword("OPTING OUT", "usage: announcing the opt-out ('opting out')", S.STRONG),
        Keyword("UNSUBSCRIBED", "usage: past tense typed as a request", S.STRONG),
        Keyword("UNENROLL", "usage: synonym of unsubscribe in program texts", S.STRONG),
        Keyword("DELETE ME", "usage: request to be deleted from the list", S.STRONG),
        Keyword("REMOVE ME", "usage: request to be removed from the list", S.STRONG),
        Keyword("ENOUGH", "usage: exasperated request to stop", S.WORD),
        Keyword("CEASE", "usage: formal request to stop", S.WORD),
        Keyword("HALT", "usage: synonym of stop", S.WORD),
        Keyword("STAHP", "usage: common joke spelling of stop", S.WORD),
        Keyword("STFU", "usage: rude request to stop", S.WORD),
        Keyword("SPAM", "usage: reporting the text as spam withdraws any consent", S.WORD),
        Keyword("BLOCK", "usage: the recipient wants no more texts", S.WORD),
        Keyword("DISCONTINUE", "usage: formal request to stop", S.WORD),
        Keyword("DESIST", "usage: formal request to stop ('cease and desist')", S.WORD),
        Keyword(
            "UNSCRIBE", "usage: common misspelling of unsubscribe (not one edit away)", S.STRONG
        ),
        Keyword("ST OP", "usage: 'St op', stop split by a stray space", S.WORD),
        Keyword("STO P", "usage: 'Sto p', stop split by a stray space", S.WORD),
        Keyword("RMV", "usage: SMS shorthand for 'remove'", S.WORD),
        Keyword("RMV ME", "usage: SMS shorthand for 'remove me'", S.STRONG),
        Keyword("DESUBSCRIBE", "usage: 'unsubscribe' with the prefix of other languages", S.STRONG),
        Keyword("DE SUBSCRIBE", "usage: 'de-subscribe' (never its SUBSCRIBE: an opt-in)", S.STRONG),
        Keyword("DISSUBSCRIBE", "usage: 'unsubscribe' with dis-", S.STRONG),
        Keyword("DISUBSCRIBE", "usage: 'unsubscribe' with dis-, one s", S.STRONG),
        Keyword(
            "DIS SUBSCRIBE", "usage: 'dis-subscribe' (never its SUBSCRIBE: an opt-in)", S.STRONG
        ),
        Keyword("UN SUBSCRIBE", "usage: 'un-subscribe' (never its SUBSCRIBE: an opt-in)", S.STRONG),
        Keyword("DEREGISTER", "usage: 'take me off': deregister (me)", S.WORD),
        Keyword("DE REGISTER", "usage: 'de-register (me)'", S.WORD),
        Keyword(
            "CANCEL SUBSCRIBE", "usage: 'cancel subscribe', for cancel my subscription", S.WORD
        ),
    ),
    opt_in=(
        Keyword("START", "Twilio, Telnyx opt-in keyword (compliance.md)"),
        Keyword("UNSTOP", "Twilio, Telnyx opt-in keyword (compliance.md)", S.STRONG),
        Keyword("YES", "Twilio treats YES as opt-in (compliance.md)", S.WORD),
        Keyword("RESUBSCRIBE", "usage: request to be subscribed again", S.STRONG),
        Keyword("SUBSCRIBE", "usage: request to be subscribed", S.WORD),
        Keyword("OPTIN", "usage: 'opt in' written as one word", S.WORD),
        Keyword("OPT IN", "usage: request to opt in ('Opt-in')", S.WORD),
        Keyword("JOIN", "usage: common opt-in keyword of text programs", S.WORD),
        Keyword("SUBSCRIBE ME", "usage: request to be subscribed", S.WORD),
        Keyword("RE SUBSCRIBE", "usage: 're-subscribe'", S.WORD),
        Keyword("SIGN ME UP", "usage: request to be subscribed", S.WORD),
        Keyword("SIGN ME BACK UP", "usage: request to be subscribed again", S.WORD),
        Keyword("ADD ME BACK", "usage: request to be subscribed again", S.WORD),
        Keyword("OPT ME IN", "usage: request to opt in", S.WORD),
        Keyword("OPT ME BACK IN", "usage: request to opt in again", S.WORD),
    ),
    help=(
        Keyword("HELP", "CTIA (compliance.md)"),
        Keyword("INFO", "CTIA (compliance.md)", S.WORD),
        Keyword("SUPPORT", "usage: asking for support", S.WORD),
    ),
    courtesy=(
        "please",
        "pls",
        "plz",
        "plse",
        "pleas",
        "pleasee",
        "thanks",
        "thank",
        "thankyou",
        "thanx",
        "thx",
        "ty",
        "tyvm",
        "now",
        "ok",
        "okay",
        "k",
        "kk",
        "asap",
        "immediately",
        "already",
        "right",
        "sir",
        "maam",
        "mam",
        "just",
        "seriously",
        "again",
        "the",
        "hi",
        "hello",
        "hey",
        "yo",
        "sorry",
        "oh",
        "um",
        "uh",
        "lol",
        "omg",
        "ugh",
        "dude",
        "bro",
        "lmao",
        "man",
        "god",
        "jesus",
        "fucking",
        "freaking",
        "frickin",
        "damn",
        "dammit",
        "goddamn",
        "ffs",
        "wtf",
        "u",
        "you",
        "all",
        "forever",
        "yes",
        "yeah",
        "ya",
        "yep",
        "no",
        "nope",
        "nah",
        "thanks again",
        "very",
        "much",
        "so",
        "sir",
        "team",
        "guys",
        "kindly",
    ),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "stop|quit (subscribing|signing|enrolling|registering) (me|us|my number)",
            "usage: 'Quit subscribing me'",
        ),
        Phrase(
            "deregister|unregister (me|us|my number|this number|my phone|my cell|my mobile)"
            " -from|for|at|with",
            "usage: 'please deregister my number' (not 'deregister my car', 'me from the gym')",
        ),
        Phrase(
            "de|un register (me|us|my number|this number|my phone|my cell|my mobile)"
            " -from|for|at|with",
            "usage: 'de-register me', written apart",
        ),
        Phrase(
            "^ stop|quit (it|them|these|this|texting|texts|messages|msgs|sms)? for now $",
            "usage: 'Stop for now' as the whole message (not 'stop for gas')",
        ),
        # -- thirteenth independent test (2026-12-05)
        Phrase(
            "stop|quit (resubscribing|re subscribing|re adding|readding|re signing) (me|us|my"
            " number)",
            "usage: 'Quit re-subscribing me'",
        ),
        Phrase(
            f"(dont|do not|never) want to start (getting|receiving) (these|the|your|ur|any)?"
            f" ({TEXTS})? again",
            "usage: 'I don't want to start getting these again'",
        ),
        Phrase(
            f"^ terminate (the|these|all|my|your|ur)? ({TEXTS})? $",
            "usage: 'Terminate', 'Terminate messages' (a phrase: 'Terminat' is no typo of it)",
        ),
        Phrase(
            "^ (removal|remove|unsubscribe|opt out|optout) request $",
            "usage: 'Removal request' (the whole message)",
        ),
        Phrase("^ do not disturb|dnd $", "usage: 'do not disturb' (the whole message)"),
        Phrase(
            "^ quit|stop bugging|harassing|pestering|spamming|hounding me|us $",
            "usage: 'Quit bugging me'",
        ),
        # -- "stop ..." with what is being sent
        Phrase(f"stop|quit|cease|halt ({SEND})", "usage: 'stop texting me' states the opt-out"),
        Phrase(f"stop|quit|end|cancel|halt|block|kill all? ({MSG})", "usage: 'stop all texts'"),
        Phrase(
            f"stop|end|cancel with? the|these|your|ur|those|all|my ({MSG})",
            "usage: 'stop with the texts', 'cancel these alerts'",
        ),
        Phrase(f"stop|quit|cease all? ({THIS}) $", "usage: 'stop this', 'stop it all', 'quit it'"),
        Phrase(f"end|cancel all ({THIS}) $", "usage: 'cancel all of it'"),
        Phrase("stop it|this|that|them now|already|immediately|please", "usage: 'stop it now'"),
        Phrase("cease and desist", "usage: legal demand to stop"),
        Phrase(
            "(cancel|end|terminate|stop) my|the|this? (text|sms|message|messaging|mobile"
            "|alert|alerts) subscription|service|program|list|alerts|plan?",
            "usage: 'cancel my text subscription'",
        ),
        # -- asking for the number to be removed
        Phrase(
            "remove|delete|erase|drop|take (me|us|myself|my number|my phone|my cell|this number"
            "|my contact|my info|my information|my details|my contact info|my contact information"
            "|my contact details|my phone number|my cell number|my mobile|my mobile number"
            "|my telephone number|my data|my personal data|my personal info|my personal information"
            "|mee|meee) $",
            "usage: 'remove me', 'delete my number'",
        ),
        Phrase(
            "remove|delete|erase|drop|take|get|put|cross|scratch (me|us|myself|my number"
            "|this number|my phone|my contact|my info) off|from|out",
            "usage: 'take me off your list', 'remove me from your list'",
        ),
        Phrase("(lose|forget|delete|erase) (my|this) number", "usage: 'lose my number'"),
        Phrase(
            "(be|get|being|getting) removed|deleted|taken off", "usage: 'I'd like to be removed'"
        ),
        Phrase(
            "off|out of your|the|this|ur|that mailing? list|lists|database|system",
            "usage: '(get me) off your list'",
        ),
        Phrase("opt me|us out", "usage: 'opt me out'"),
        Phrase("(sign|signed) me|us out|off", "usage: 'sign me out'"),
        Phrase("unsub~", "usage: 'unsubscribe' in any form, anywhere"),
        Phrase("(opt out|optout|opt~out)", "usage: 'opt out' anywhere"),
        # -- "don't text me"
        Phrase(
            f"(dont|do not|dnt|never|pls dont|please dont|please do not|pls dnt|plz dont|plz dnt|no"
            f"|quit|dont ever|do not ever"
            f"|never ever|please never) ({SEND}) me|us"
            "|this|my|here|anymore|again|ever",
            "usage: 'don't text me', 'never text this number again'",
        ),
        Phrase(
            "(dont|do not|never) call|email|message|text|contact me? or|and|nor text|message"
            "|contact|call|email",
            "usage: 'don't call or text me'",
        ),
        Phrase("(dont|do not|never) send me|us|any|anything|more|this", "usage: 'don't send me X'"),
        Phrase(
            f"(dont|do not|dnt|ion|no longer|never) (want|need|wish for|like|care for) (any more"
            f"|anymore"
            f"|any|these|your|the|this|those|ur|all|more|such|those|no more)? ({MSG})"
            " -(to stop|to end|to ever|to cease|to go away|stopping|ending|to be stopped)",
            "usage: 'I don't want these texts' (not '... these texts to stop')",
        ),
        Phrase(
            f"(dont|do not|no longer|never) (want|need|wish|like) (to get|to receive|to be"
            f"|getting|receiving) ... ({MSG}|contacted|texted|messaged|on)",
            "usage: 'I do not want to receive texts'",
        ),
        Phrase(
            f"(dont|do not|no longer) (want|need) ({THIS_NOT_IT}) $", "usage: 'I don't want this'"
        ),
        Phrase(f"no more|mo|moar ({MSG})", "usage: 'no more texts', 'no mo txts'"),
        Phrase(f"no more ({THIS}) $", "usage: 'no more of this'", 0.9),
        Phrase(f"no more of ({THIS})", "usage: 'no more of this'", 0.9),
        Phrase("no more $", "usage: 'no more!' as a whole answer", 0.9),
        Phrase(
            "leave me|us the? (fuck|f|fk|heck|frick|eff)? alone",
            "usage: 'leave me alone', 'leave me the hell alone' (hell is an intensifier)",
        ),
        Phrase(f"enough with|of the|these|your|ur? ({MSG})", "usage: 'enough with the texts'"),
        # -- wrong recipient or no consent
        Phrase(
            "wrong number|person|phone|guy|girl|cell|contact|#|num|no",
            "usage: the recipient is not the person who consented",
        ),
        Phrase("(not the|not the right|not the correct) person|number", "usage: wrong recipient"),
        Phrase(
            "(got|get|gotten) this (number|phone|phone number|cell) (last|this) (week|month|year)",
            "usage: 'This isn't Karen. Got this number last month.' (a reassigned number)",
        ),
        Phrase(
            "(rather|prefer) (you|u|yall) (didnt|did not|not|dont|do not|wouldnt|would not)"
            " (text~|messag~|contact~|send~|sms|txt~)",
            "usage: 'I'd rather you didn't text me' (twelfth blind test)",
        ),
        Phrase(
            "(exclude|excluded) (me|us|my number|this number)? from",
            "usage: 'Exclude me from your mailing list', 'I'd like to be excluded from future "
            "messages'",
        ),
        Phrase(
            "^ (opted|optd) out (already|now)? $",
            "usage: 'opted out' as a whole message (says so, and wants it honoured)",
        ),
        Phrase(
            "^ (i|ive|i have|i already|already|i just|just) (opted|optd) out (already|now)? $",
            "usage: 'I already opted out' as a whole message",
        ),
        Phrase("un (subscribe|subscrib~|sub)", "usage: 'UN-SUBSCRIBE', 'un subscribe me'"),
        Phrase(
            "not (my|his|her|their) (number|phone|phone number|cell|cell number) (anymore|any"
            " more|no more|now)",
            "usage: 'Not my number anymore' (a reassigned number; twelfth blind test)",
        ),
        Phrase(
            "no longer * (number|phone|phone number|cell|cell number)",
            "usage: 'this is no longer Maria's number' (a reassigned number)",
        ),
        Phrase(
            "(doesnt|does not|dont|do not) (have|own|use) (this|that) (number|phone|phone number"
            "|cell) (anymore|any more|no more)",
            "usage: 'Maria doesn't have this phone anymore' (a reassigned number)",
        ),
        Phrase(
            "(no one|nobody|noone) (by|with|named) (that|this) name (here|at this number|on this"
            " phone)?",
            "usage: 'No one by that name here' (a reassigned number)",
        ),
        Phrase(
            "(why|how dare|how come) (did|would|do|have|has)? (you|u|yall|they|someone"
            "|somebody) (just)? (resubscribe~|re subscribe~|resub~|opt~ me back in)",
            "usage: 'Why did you resubscribe me??' (a complaint, not a request; twelfth blind "
            "test)",
        ),
        Phrase(
            "(did|have|has) (you|u|yall|they|someone|somebody) (just)? (resubscribe~|re"
            " subscribe~|resub~|opt~ me back in)",
            "usage: 'Did you just resubscribe me?' (beside the opt-in words: a person reads it)",
        ),
        Phrase(
            "(resubscribed|re subscribed|signed|added|put|opted) (me|us|my number) (back)? (up|on"
            "|in|to)? ... without (my|asking|me|our) (permission|consent|asking|agreeing)?",
            "usage: 'You resubscribed me without my permission'",
        ),
        Phrase(
            f"you have|got|texted|reached|texting|messaged the wrong -({WRONG_THING})",
            "usage: wrong recipient ('you have the wrong address' corrects a detail instead)",
        ),
        Phrase(
            "(this is not|this isnt|this aint|this number is not|this number isnt|is not|isnt)"
            " * anymore|number|phone|cell",
            "usage: 'this isn't X's number'",
        ),
        Phrase("(no longer|not) in service for", "usage: the consenting person is gone"),
        Phrase("(got|have|has) a new number", "usage: reassigned number", 0.85),
        Phrase(
            "i|we (never|didnt|did not|have never|havent|no longer|aint|aint never|didnt ever"
            "|never ever) (subscribed"
            "|subscribe|opted|opt|agreed|agree|consented|consent|gave|give|registered"
            "|register|joined|join|requested|request)",
            "usage: 'I never subscribed', 'I no longer consent': no consent ('signed': below)",
        ),
        Phrase(
            "i|we (never|didnt|did not|have never|havent) (ask|asked) for|you|to get|to receive"
            " (this|these|it|them|text~|messag~|any|your|to|that)",
            "usage: 'I never asked for this': no consent",
        ),
        Phrase(
            "where (do|can|would|should|to) (i|we|you)? (unsubscribe|unsub~|opt out|get off"
            "|get removed|be removed)",
            "usage: asking where to opt out is a request to opt out",
        ),
        Phrase(
            "(cancel|end|stop) my|the|this? (subscription|membership) to|for the|these|your|this?"
            f" ({MSG})",
            "usage: 'cancel my subscription to these texts'",
        ),
        Phrase("who gave you my number", "usage: disputes consent"),
        Phrase("i|we (dont|do not|never) know you|u|who", "usage: wrong recipient", 0.85),
        # -- asking to opt out, or how to
        Phrase(
            "how (do|can|would|should|to|does) (i|we|you|one)? (unsubscribe|unsub~|stop"
            "|opt out|cancel|get off|get out|get removed|remove|end|quit|block)",
            "usage: asking how to opt out is a request to opt out (FCC: any reasonable means)",
        ),
        Phrase(
            "i|we|id (want|wanna|would like|wish|need|would love|am trying|am asking|asked"
            "|like) to? be? (unsubscribe~|unsub~|opt out|out|stop|cancel|quit|end|removed"
            "|remove|taken off|deleted|off)",
            "usage: 'I want to unsubscribe', 'I would like to opt out'",
        ),
        Phrase("count|leave me out", "usage: 'count me out'"),
        Phrase(
            "(revok~|revocation|withdraw~|withdrew|rescind~|retract~|cancel) (my|any|all|our|the"
            "|of|of my|of any|of all|this)? (prior|previous|earlier|past)? (express|written"
            "|expressed)? consent~|permission~|authoriz~|authoris~",
            "usage: revoking consent in those words ('I hereby revoke any prior express "
            "consent', 'revoking consent')",
        ),
        Phrase("i|we revoke|withdraw", "usage: 'I revoke'"),
        Phrase("i|we (dont|do not) consent|agree", "usage: 'I do not consent'"),
        Phrase("no consent", "usage: 'no consent'"),
        # -- complaints that ask for an end
        Phrase(
            "(this is|its|thats|these are|stop the) spam|harassment",
            "usage: reporting the texts as spam",
        ),
        Phrase(
            "stop spamming|harassing|bothering|pestering|texting|messaging",
            "usage: 'stop spamming'",
        ),
        Phrase(
            "(report|reporting|reported) (you|this|this number|u) to|as|for? ...",
            "usage: threatening a complaint",
            0.85,
        ),
        Phrase(
            "(block|blocking|blocked) (you|u|this number|this|ur number|your number)",
            "usage: 'blocking this number'",
            0.85,
        ),
        Phrase("too many (text~|messag~|msg~)", "usage: complaint about volume", 0.85),
        # -- "please stop" and friends, at the end of the message or before more opt-out words
        Phrase(
            "(please|pls|plz|kindly|ok|okay|just|now|so|and|seriously) stop $",
            "usage: 'please stop'",
        ),
        Phrase("(can|could|would|will) (you|u) (please|pls|plz)? stop $", "usage: 'can you stop'"),
        Phrase(
            "(i said|i told you|told you|i asked|i already said|already said) stop",
            "usage: 'I said stop'",
        ),
        Phrase(
            "(no|nope|nah|not interested|who is this|whos this|who the hell is this|who dis"
            "|who are you|who r u|what is this|whats this|yes) (stop|quit|end|unsubscribe"
            "|remove me|cancel)",
            "usage: 'no, stop', 'who is this? stop'",
        ),
        # (new phrases go last: rule names are their positions)
        Phrase(
            "(dont|do not|please dont|please do not|pls dont|plz dont) (text~|txt~|texting"
            "|messag~|msg~|sms|contact~|spam~) $",
            "usage: 'DO NOT TEXT' as the whole message (not 'do not text while driving')",
        ),
        Phrase(
            "(cancel|end|stop|terminate) my|the|this|your? subscription~ $",
            "usage: 'cancel (my) subscription' as the whole reply to a text program; "
            "'... to the newspaper' stays for review",
        ),
        # -- formal and legal wording (FCC 24-24: revocation by any reasonable means)
        Phrase(
            "cease|discontinue (all|the|these|your|ur|those|any|my|this|such)? further?"
            " (text~|txt~|sms|message~|messaging|msg~|alert~|notification~|reminder~"
            "|communication~|solicitation~|robotext~|spam~|marketing|calls|contact)",
            "usage: 'please cease all text messages', 'discontinue these messages'",
        ),
        Phrase(
            "cease|discontinue (texting|txting|messaging|contacting|calling|emailing|spamming"
            "|sending)",
            "usage: 'cease contacting me'",
        ),
        Phrase(
            "desist from (texting|txting|messaging|contacting|calling|spamming|sending)",
            "usage: 'kindly desist from sending me messages'",
        ),
        Phrase(
            "refrain from (texting|txting|messaging|contacting|calling|spamming|sending) me|us"
            "|this|my",
            "usage: 'please refrain from texting me' (not 'I will refrain from texting')",
        ),
        Phrase(
            "consent~|permission~|authoriz~|authoris~ (is|are|has been|have been|was|hereby"
            "|now|officially)? (revoked|withdrawn|rescinded|retracted|cancelled|canceled"
            "|removed|terminated)",
            "usage: 'consent revoked'",
        ),
        Phrase(
            "(do not|dont|do no) (call|contact|text|txt|texting|message|messaging|msg|sms|email"
            "|solicit|solicitation|mail|disturb) (list|lists|registry|register|database|file"
            "|status|flag)",
            "usage: 'put me on your do not call list', 'do-not-text list' (a DNC request)",
        ),
        Phrase(
            "dnc|dnt|dnd (list|lists|registry|register|database)",
            "usage: 'add me to your DNC list'",
        ),
        # -- more everyday wording
        Phrase(
            f"appreciate|prefer|rather|grateful|great|nice|helpful|love it? if? (you|u) (would"
            f"|could|will|can|guys|all)? (stopped|stop|quit|ceased|cease|discontinued) ({SEND})",
            "usage: 'I'd appreciate it if you stopped texting me' ('if you' is not a negation "
            "here)",
        ),
        Phrase(
            "number|phone|cell|line (now|has|is|was|has been|now is|is now|has now been)?"
            " (belongs|belonged|belong"
            "|assigned|reassigned|registered|given) to (someone|somebody|a different|another"
            "|a new|new)",
            "usage: 'this number belongs to someone else now': reassigned number",
        ),
        Phrase(
            "no (texts|txts|sms|texting|text messages|text msgs|txt msgs|sms messages|robotexts) $",
            "usage: 'no texts' as the whole message ('no messages' may answer a question)",
            0.9,
        ),
        Phrase(
            "take|remove|get|delete (me|us|my number|this number) of $",
            "usage: 'take me of', 'take me offf' (a run of f folds to one)",
        ),
        Phrase(
            "take|remove|get|delete (me|us|my number|this number) of (your|ur|the|this|that|ya"
            "|all|these|those)? (list|lists|mailing|texting|text|texts|sms|database|system"
            "|contacts|contact|messages)",
            "usage: 'take me of your list' (of for off)",
        ),
        Phrase(
            "remove|delete|erase|drop|take|get|put|cross|scratch (me|us|myself|my number"
            f"|this number|my phone|my contact|my info) off|from|out of? !{CLAUSE}? !{CLAUSE}?"
            f" !{CLAUSE}? (list|lists|mailing|database|system|contacts|distribution|subscriber~"
            f"|{TEXTS})",
            "usage: 'take me off the marketing team's list', 'remove me from the shift reminder "
            "texts': a messaging list, whatever stands before it",
        ),
        Phrase(
            "(have to|need to|gotta|got to|must) (say|tell you|ask you|ask) to? stop",
            "usage: 'how many times do I have to say stop'",
        ),
        Phrase(
            "(reported|reporting|report) (this|you|it|u|this number|your number|ur number)?"
            " as spam|junk",
            "usage: 'reported as spam'",
            0.85,
        ),
        Phrase(
            "stop|quit|halt|cease|discontinue (the|these|those|your|ur|all|my|any)? (payment"
            f"|payments|delivery|deliveries|shipment|shipping|order|appointment|appt|billing"
            f"|account|sale|sales|daily|weekly|tracking|status|shipping|promotional|reward|rewards|loyalty"
            f"|school|church|marketing|text|sms) ({TEXTS})",
            "usage: 'stop (the) delivery texts', 'stop payment reminders' (not 'stop payment')",
        ),
        Phrase(
            "cancel|end|stop|halt|cease|discontinue my|the|these|those|your|ur|all|any"
            f" !{CLAUSE} !{CLAUSE}? ({TEXTS})",
            "usage: 'cancel my insurance texts', 'cancel my policy alerts' (a kind of text)",
        ),
        Phrase(
            "remove|delete|take|drop|get (my son|my daughter|my kid|my kids|my child|my children"
            "|my husband|my wife|my mom|my dad|him|her|them) off|from (the|your|these|those|all"
            f"|ur)? *? ({TEXTS}|list|lists|mailing list)",
            "usage: 'remove my son from the practice reminders' (someone else's number)",
        ),
        # -- second independent test (2026-12): objects, synonyms, consent, threats
        Phrase(
            f"(dont|do not|never|please dont|please do not|pls dont|dont ever|do not ever)"
            f" ({SEND}) ({OTHER}) -({WHEN})",
            "usage: 'do not text her again', 'don't text it, this is a work phone' (someone "
            "else's number, or the phone itself); 'don't text him until Monday' is not",
        ),
        Phrase(
            "remove|delete|erase|drop|lose|forget|take (her|his|their|my moms|my mothers|my dads"
            "|my fathers|my husbands|my wifes|my sons|my daughters|my kids|my grandmas|my grandpas"
            "|this|that) (number|phone number|cell|cell number|phone|line|contact|contact info)",
            "usage: 'please remove her number', 'delete this number' (not 'my old number')",
        ),
        Phrase(
            "(passed away|has died|died|is deceased|deceased|is dead|is no longer with us|no longer"
            " living)",
            "usage: the person texted has died: probably stop, a person should confirm",
            0.7,
        ),
        Phrase(
            "turn|switch|shut off (the|these|those|all|your|ur|my|any|all the|all your|all these"
            "|all of these|all of the|all of your)? (text|sms|txt|mobile|marketing|promo"
            f"|promotional|these)? ({TEXTS}) -(in|on|from|via|through|inside)",
            "usage: 'turn off text notifications', 'can you turn off these texts'",
        ),
        Phrase(
            "turn|switch|shut (these|those|them|the texts|the messages|the alerts|your texts"
            "|all texts|all of these|these texts|these messages|these alerts|text alerts|text"
            " notifications|notifications|alerts|all alerts|all notifications) off",
            "usage: 'turn these off', 'switch the alerts off'",
            0.85,
        ),
        Phrase(
            "disable|deactivate|mute|silence|unfollow (the|these|those|all|your|ur|my|any|all the"
            "|all these|all of these|all of the|all of your|all your)? (text|sms|txt|marketing"
            f"|promo|promotional)? ({TEXTS}) -(in|on|from|via|through|inside)",
            "usage: 'disable text alerts', 'mute these texts'",
        ),
        Phrase(
            "(knock|cut) it|that|this|them off|out $",
            "usage: 'knock it off', 'cut it out' as the whole reply",
            0.85,
        ),
        Phrase(
            "(quit it|stop it|knock it off|cut it out|give it a rest|enough already|done|over it"
            "|finished|through|sick|tired|fed up) with|of (the|these|your|ur|all|those|this|all"
            f" the|all these|all your|all of these|receiving|getting)? ({MSG})",
            "usage: 'quit it with the texts', 'I'm done with these messages', 'sick of your texts'",
        ),
        Phrase(
            "leave (this number|my number|this phone|my phone|this line|my line|my cell|this cell)"
            " alone",
            "usage: 'please leave this number alone'",
        ),
        Phrase(
            f"no further ({MSG}|correspondence|contact)",
            "usage: 'no further contact', 'no further messages please'",
        ),
        Phrase(
            "(dont|do not|no longer|never) (want|wish|need|care) (to get|to receive|getting"
            "|receiving|to be sent|to be getting) (any more|anymore|more|any)? (these|them|those"
            "|em|any more|anymore|of these|of them)? (anymore|any more|again|ever again)? $",
            "usage: 'I no longer want to receive these'",
        ),
        Phrase(
            "rather|prefer|like|want|wish|choose to? not to? (get|receive|be sent|be texted"
            f"|be messaged|be contacted|hear from you|hear from u) ... ({TEXTS})",
            "usage: 'I'd rather not get these texts anymore', 'I'd prefer not to receive any "
            "more messages'",
        ),
        Phrase(
            "rather|prefer|like|want|wish|choose to? not to? (get|receive|be sent|be texted"
            "|be messaged|be contacted|hear from you|hear from u) (any more|anymore|more|any)?"
            " (these|them|those|em|any more|anymore|of these|of them) $",
            "usage: 'I'd rather not get these'",
        ),
        Phrase(
            "(not|no longer) interested in (receiving|getting|any more|any further|more|further"
            f"|any|being sent|being texted) ... ({TEXTS}|these $|them $|those $|any more $|anymore"
            " $|these anymore|them anymore)",
            "usage: 'I'm not interested in receiving texts' (not interested in the offer stays "
            "for review)",
        ),
        Phrase(
            "(is there a|is there any|any|a|whats the|what is the|theres got to be a|there has to"
            " be a|there must be a|tell me the) way (to|i can|we can|for me to|that i can)"
            " (unsubscribe|unsub~|opt out|get off|be removed|get removed|not get|not receive"
            f"|stop|end|quit|block|cancel) (getting|receiving|all|the|these|your|ur)? ({TEXTS}"
            "|these|them|those|this|getting|receiving|list)",
            "usage: 'is there a way to stop getting these?'",
        ),
        Phrase(
            "(is there a|is there any|any|a) way (to|i can|we can|for me to) (unsubscribe|unsub~"
            "|opt out|get off|be removed|get removed)",
            "usage: 'is there a way to unsubscribe'",
        ),
        Phrase(
            "(not|dont|do not|cant|cannot|didnt|did not|never) (understand|get|comprehend|read"
            "|know|hear|see) (what)? (the)? (word|words|meaning of|part of) (stop|unsubscribe|no"
            "|remove me|opt out|quit|cancel|end|stop texting|stop texting me)",
            "usage: 'do you people not understand the word STOP?'",
        ),
        Phrase(
            "what part of (stop|unsubscribe|no|remove me|opt out|stop texting|stop texting me"
            "|leave me alone|do not text|dont text)",
            "usage: 'what part of STOP don't you understand'",
        ),
        Phrase("dnc|dnt|dnd $", "usage: 'DNC' (do not contact) as the whole reply", 0.9),
        Phrase(
            "(go away|fuck off|piss off|f off|fk off|eff off|bugger off|sod off|buzz off|get lost"
            "|gtfo|shove off|back off|take a hike|get bent) $",
            "usage: 'go away', 'fuck off' as the whole reply to a text: any reasonable means",
            0.85,
        ),
        Phrase(
            "(get|stay|keep|go) (the fuck|the f|the fk|the hell|the heck|the)? off|out of? my"
            " (phone"
            "|cell|line|number|inbox|texts|dms|messages|sms)",
            "usage: 'get (the fuck) off my phone'",
        ),
        Phrase(
            "(you|u) (dont|do not|no longer|dont ever|never|did not|didnt) (have|had|get|got"
            "|receive|received) (my|our|any)? (express|written|prior)? (consent|permission"
            "|authoriz~|authoris~)",
            "usage: 'you do not have my consent to text me'",
        ),
        Phrase(
            "(you|u) (have|got|had) (no|not|never had|never got) (my|our|any)? (consent"
            "|permission|authoriz~|authoris~)",
            "usage: 'you have no permission to text me'",
        ),
        Phrase(
            "consent|permission|authoriz~|authoris~ (that)? (i|we) (may|might|once|previously"
            "|ever|have|had|may have|might have|have ever|once)? (given|gave|provided|granted"
            "|had) (you|to you|to your company|to you guys|to this number)? (is|are|has been"
            "|have been|was|hereby|now|are hereby|is hereby|is now)? (hereby)? (revoked|withdrawn"
            "|rescinded|retracted|cancelled|canceled|terminated|void|null|removed)",
            "usage: 'any consent I may have given is withdrawn'",
        ),
        Phrase(
            "(i|we) (do not|dont|no longer|never|did not|didnt|will not|wont) (give|grant"
            "|provide|gave|granted) (you|u|your company)? (my|any)? (consent|permission"
            "|authoriz~|authoris~)",
            "usage: 'I do not give you permission to text me'",
        ),
        Phrase(
            "(file|filing|filed|lodge|lodging|submit|submitting|make|making|complaint|complaints"
            "|complain|complaining|report|reporting|contact~|call~|notify~|notifying|tell~"
            f"|going to|go to|forward~|escalat~) ... ({AUTHORITY})",
            "usage: 'filing a complaint with the FTC if I get another one', 'contacting the "
            "attorney general's office if these texts continue'",
            0.85,
        ),
        Phrase(
            "(violat~|breaking|breach~|in violation of) (of)? (the)? (tcpa|telephone consumer"
            " protection act|do not call|federal law|fcc rules|ftc rules)",
            "usage: 'you are violating the TCPA'",
            0.85,
        ),
        Phrase(
            "(ill|i will|im going to|im gonna|i am going to|we will|i shall|ill be|i will be"
            "|ill have to|i will have to|im gonna have to|or ill|or i will) (sue|suing|take legal"
            " action|pursue legal action|seek legal action|call my lawyer|call my attorney"
            "|contact my lawyer|contact my attorney|contact an attorney|get a lawyer|get an"
            " attorney|take you to court|see you in court|file a lawsuit)",
            "usage: 'if you text me again I'll sue'",
            0.85,
        ),
        Phrase(
            "(another|one more|any more|anymore|any further|1 more|more) (text~|txt~|messag~|msg~"
            "|sms|spam|of these|of them|of your texts|of your messages) and (i|ill|im|i will"
            "|we|were|you|u|youre|this|its|your|ur)",
            "usage: 'any more texts and I'm calling the attorney general'",
            0.9,
        ),
        Phrase(
            "if (i|we|my phone) (get|gets|receive|receives|keep getting|keep receiving|continue"
            " to get|continue to receive|see) (another|one more|any more|any further|more)"
            " (text~|txt~|messag~|msg~|sms|spam|one of these|one of your|of these|of your"
            "|robotext~)",
            "usage: 'if I get another one of these ...' (a threat conditional on more texts)",
            0.85,
        ),
        Phrase(
            "if (these|your|the) (text~|txt~|messag~|msg~|sms|spam|robotext~|alerts|promos)"
            " (continu~|keep|persist|dont stop|do not stop|dont end)",
            "usage: 'if these texts continue ...'",
            0.85,
        ),
        Phrase(
            "if (you|u|yall|you guys|you people) (continu~|keep) (to text|to message|to send"
            "|to contact|to spam|to call|texting|messaging|sending|contacting|spamming|calling"
            "|harassing|bothering)",
            "usage: 'if you keep texting me ...'",
            0.85,
        ),
        Phrase(
            f"if (you|u|yall|you guys|you people) ({SEND}) (me|us|this number) (again|one more"
            " time|anymore|any more|ever again)",
            "usage: 'if you text me again ...' (a threat, or an arrangement: review)",
            0.7,
        ),
        Phrase(
            "(want|wants|need|needs|would like|wish|wishes|like) (these|the|your|those|all|ur"
            "|this|all the|all these|all your|all of these|all of your)?"
            f" ({MSG}) to stop|end|cease|quit $?",
            "usage: 'I want these texts to end', 'this is my mom's phone, she wants these texts "
            "to stop' ('I never want these texts to stop' is negated)",
        ),
        Phrase(
            "(dont|do not|no longer) (want|need|wish) (these|the|your|those|ur|any)? ({MSG}) to"
            " (continue|keep coming|keep going|go on)",
            "usage: 'I don't want these texts to continue'",
        ),
        Phrase(
            f"top|stp|quite|stock|spot|stoop ({SEND}) me|us",
            "usage: typos and voice-typing of 'stop texting me' ('top texting me', 'quite "
            "texting me', 'please stock texting me', 'stoop texting me')",
        ),
        Phrase(
            f"stopped ({SEND}) me|us please|pls|plz|now|asap $",
            "usage: 'stopped texting me please' (voice typing of 'stop')",
        ),
        Phrase(
            "tak|tke|teke|takw|rmv|dlt (me|us|my number|this number) off|of|from|out",
            "usage: typos: 'tak me off the list', 'remve me from'",
        ),
        Phrase(
            "stop|quit|cease (getting|receiving) (these|the|your|ur|all|any|those|all these|all"
            f" the|all your)? ({MSG}|these|them|those|this)",
            "usage: 'stop getting texts from you'",
        ),
        Phrase(
            f"keep ({SEND}) (me|us)? and|n (see|watch|find out|youll|you will|ill|i will)",
            "usage: 'keep texting me and see what happens' (a threat)",
            0.85,
        ),
        Phrase(
            "stop|quit (using|selling|sharing|giving out) my|this (number|phone|cell|info"
            "|information|data|contact|details)",
            "usage: 'stop using my number'",
        ),
        # -- third independent test (2026-12): indirect and non-native wording
        Phrase(
            "(dont|do not|no longer|doesnt|does not|not|really dont|no) (want|need|wanna) (these"
            "|them|this|those|it|em|any of these|any of this|any of it|any of them|any more of"
            " these|more of these) (anymore|any more|again|ever again|no more|at all|any longer)",
            "usage: 'I don't want these anymore', 'he doesn't want them any more'",
        ),
        Phrase(
            "(doesnt|does not|dont|do not|not|no|am not|are not|is not|didnt|did not) (want"
            "|wanna|need|wish|like) (to get|to receive|receive|get|receiving|getting|to have)?"
            " (this|these|those|the|your|any|more|any more|ur|no|such|all|all these|all the)?"
            f" ({MSG}|publicity|advertising|advertisement~|ads|promotion~|propaganda)"
            " -(to stop|to end|to ever|to cease|to go away|stopping|ending|to be stopped)",
            "usage: 'he doesn't want these messages', 'I not want this messages' (non-native), "
            "'I am not want receive publicity'",
        ),
        Phrase(
            "(i|we|me|pls|please) (dont|do not|not|no|am not) (want|wanna) (to receive|receive"
            "|to get|get|receiving|getting) (anymore|any more|more|again|it|them|these|this"
            "|any)? $",
            "usage: 'please i dont want receive' (non-native)",
        ),
        Phrase(
            "(can|could|would|will) (you|u|ya|yall|you guys) (please|pls|plz)? not (text~|txt~"
            "|messag~|msg~|send~|contact~|call~|spam~|email~) (me|us|this number|this|anymore"
            "|any more|again|here)",
            "usage: 'can u not text me anymore'",
        ),
        Phrase(
            "(isnt|is not|aint|wasnt|was not|not) (the|a|my)? (right|correct|proper|intended)"
            " (number|phone|person|cell|recipient|contact|number for|person for)",
            "usage: 'this isn't the right number for these'",
        ),
        Phrase(
            "(can|could|may|might|would|will|should) (i|we|my number|this number|me) (please|pls)?"
            " (be|get) (removed|taken off|deleted|unsubscribed|opted out) -(from|off|of)",
            "usage: 'could I be removed?' (from where is not said: the texting list)",
        ),
        Phrase(
            "(be|get|being|getting) (removed|taken off|deleted|unsubscribed|opted out) (from|off"
            f"|of) (your|ur|the|this|that|all|these|those|all your|all of your)? !{CLAUSE}?"
            f" !{CLAUSE}? (list|lists|mailing|database|system|contacts|distribution|subscriber~"
            f"|{TEXTS})",
            "usage: 'could I be removed from your SMS list', 'I want to get taken off the "
            "texting list' (not 'removed from the waitlist')",
        ),
        Phrase(
            "(asked|requested|begged|told you|asking|requesting) ... (to be|to get|be|get)"
            " (removed|taken off|deleted|unsubscribed|opted out) $",
            "usage: 'I've asked 3 times to be removed'",
        ),
        Phrase(
            f"(no|not) more !(than|then|of|{CLAUSE}) ({TEXTS}|deals|offers|ads|emails|calls)",
            "usage: 'no more sale texts', 'not more texts please' (non-native)",
        ),
        Phrase("not more ({MSG})".replace("{MSG}", MSG), "usage: 'not more messages' (non-native)"),
        Phrase(
            "(no|not|dont) (send~|text~|messag~|msg~|sms|write|writ~) (me|us|to me|to us)? (more"
            "|anymore|any more|again|no more|nothing|nothing more|more messages|more texts) $",
            "usage: 'No send more', 'not send me more' (non-native)",
        ),
        Phrase(
            "remove|delete|erase|drop|take|get|cross|scratch (my telephone number|my telephone"
            "|my phone number|my cell number|my cell phone number|my cellphone number|my mobile"
            "|my mobile number|my cell phone|my cellphone|my name|my contact info|my contact"
            " information|my details|my information|my num|my digits|my line|this line|this phone"
            " number|this cell|this mobile|that number) off|from|out of? (your|ur|the|this|that"
            f"|all|these|those|all your|all of your)? !{CLAUSE}? !{CLAUSE}? (list|lists|mailing"
            f"|database|system|contacts|distribution|subscriber~|records|files|{TEXTS})",
            "usage: 'please remove my telephone number from your list'",
        ),
        Phrase(
            "remove|delete|erase|drop|take|get|cross|scratch (it|this|us|them) off|from|out of?"
            f" (your|ur|all your|all of your) !{CLAUSE}? !{CLAUSE}? (list|lists|mailing|database"
            f"|system|contacts|distribution|subscriber~|records|{TEXTS})",
            "usage: 'please remove it from your marketing list' (the number, said as 'it'; "
            "'remove it from the shopping list' is not)",
        ),
        Phrase(
            "(stop|quit) (f ing|f in|f king|f kin|f n|f cking|f ckin|fu ing|fu king|fck ing|f g"
            f"|f k|f kn|f ng) ({SEND})",
            "usage: 'stop f***ing texting me' (censored profanity folds to 'f ing')",
        ),
        Phrase(
            "(f off|fuck off|fk off|eff off|piss off|get lost|go away|bugger off|buzz off) with"
            f" (the|these|your|ur|those|all|all the|all these|all your)? ({MSG})",
            "usage: 'f*** off with these texts'",
        ),
        Phrase(
            "(want|need|would like|wish|like|id like|prefer) (these|this|those|it all|all this"
            "|all of this|all of these|all these|all of it) to (stop|end|cease|quit) $",
            "usage: 'I'd like these to stop', 'I want this to end'",
        ),
        Phrase(
            "(how|what) (do|can|should|would|does) (i|we|one|you) (make|get) (these|those|these"
            f" {MSG}|the {MSG}|your {MSG}|all these|all of these|all the {MSG}) (to)? (stop|end"
            "|cease|go away|quit)",
            "usage: 'how do I make these stop?'",
        ),
        # -- fourth independent test (2026-12): more everyday, slang and non-native wording
        Phrase(
            "stop|quit (asking|begging|hounding|pestering|bugging|hitting) (me|us)? (up)? (for|to)"
            " (money|donation~|contribution~|funds|fund|cash|support|my vote|votes|a vote"
            "|donat~|give|contribute|chip in|pledge~|gifts|a gift|dollars|bucks|more money)",
            "usage: 'stop asking me for donations': asking for money is what fundraising texts do",
            0.85,
        ),
        Phrase(
            "new owner|owners of|for (this|that) (number|phone|cell|line|phone number|cell number)",
            "usage: 'I'm the new owner of this number': reassigned number",
            0.85,
        ),
        Phrase(
            "number|phone|cell|line|mobile|cellphone (please|pls|plz|kindly|so|just|now)?"
            " (remove|delete|erase) (it|this|that|them|me)? $",
            "usage: 'this is my daughter's phone, please remove it' (the number is the object)",
            0.85,
        ),
        Phrase(
            "(please|pls|plz|kindly) (remove|delete) $",
            "usage: '..., kindly remove' ending a reply: remove this number",
            0.85,
        ),
        Phrase(
            "remove|delete|erase|take|drop|scratch !(the|my|our|a|an|that|this|those|these|his"
            "|her|their|its|item|items|it|all|any|some|one) *? *? from|off (your|ur|all your"
            f"|all of your) (list|lists|mailing|database|contacts|distribution|subscriber~"
            f"|{TEXTS})",
            "usage: 'remove 4155550123 from your list' (a number or a name off the sender's "
            "own list)",
            0.9,
        ),
        Phrase(
            "(blocked|reported|blocking|reporting|block|report) (and|n)? (blocked|reported"
            "|blocking|reporting|block|report)",
            "usage: 'blocked and reported'",
            0.85,
        ),
        Phrase(
            "(dont|do not|dnt|never|pls dont|please dont|please do not|plz dont) (send|sent)"
            f" (any|more|the|these|your|ur|such|any more|anymore)? ({TEXTS}|{MSG}) (to)?"
            " (this|my|me|us|ur) (no|number|phone|cell|num|line|mobile|nbr|cellphone)"
            f" -({WHEN}|between|during|past|except)",
            "usage: 'don't send msg to this no.' (sms shorthand; not '... before 9am')",
        ),
        Phrase(
            "(dont|do not|dnt|never|pls dont|please dont|please do not|plz dont) (send|sent)"
            f" (me|us)? (any|more|the|these|your|ur|such)? ({TEXTS}) (anymore|any more|again"
            "|ever again|no more)",
            "usage: 'don't send texts anymore'",
        ),
        Phrase(
            "(dont|do not|dnt|ion|never|no longer) (want to|wanna|wish to|need to|care to)"
            " (ever)? hear from"
            " (you|u|yall|you guys|you people|your company|ya|this number) -(until|till|til"
            "|before|after|unless|about|regarding|on|for|today|tonight|if|when|by|at|in|re)",
            "usage: 'I never want to hear from you again'",
            0.9,
        ),
        Phrase(
            "(im|i am|were|we are|ill be|i m) (good|ok|okay|fine|all set|set) (on|without) (the"
            f"|these|your|ur|any|those)? ({TEXTS})",
            "usage: 'I'm good on texts, thanks' (declines the texts themselves)",
            0.85,
        ),
        Phrase(
            "(not|no longer) interested in (these|the|your|ur|any|those|any more|more|any further"
            "|further|all these|all the)? (texts|text messages|txts|messages|msgs|sms|alerts"
            "|text alerts|notifications|reminders|promos|promotions|marketing|newsletters"
            "|robotexts|communications|solicitations|notices)",
            "usage: 'no longer interested in these texts'",
        ),
        Phrase(
            "(only|just) (contact|reach|message) (me|us) (by|via|through|thru|over|on|with)"
            " (email|e mail|mail|phone|telephone|post|letter|letters|whatsapp)",
            "usage: 'please only contact me by email' (not by text)",
            0.85,
        ),
        Phrase(
            "(use|send|prefer|rather) (email|e mail|emails|mail|post|letters|whatsapp) (instead"
            " of|not|rather than|over) (text~|txt~|sms|messag~)",
            "usage: 'please use email instead of text'",
            0.85,
        ),
        Phrase(
            "(email|e mail|mail|call) (me|us)? (instead of|not|rather than) (text~|txt~|sms)",
            "usage: 'email me instead of texting'",
            0.85,
        ),
        Phrase(
            "(no|not) more (send~|sending|texting|txting|messaging|msging|contact~|sms) $",
            "usage: 'no more send' (non-native)",
            0.9,
        ),
        Phrase(
            f"(please|pls|plz|kindly) (not|no|dnt) ({SEND}) (me|us|this number|here|anymore"
            "|again|any more|this)",
            "usage: 'please not message me' (non-native)",
        ),
        Phrase(
            "stop|quit (to|of) (send~|text~|txt~|messag~|msg~|writ~|contact~|call~|spam~|sms)"
            f" (me|us|this|more|to|{TEXTS})",
            "usage: 'stop to send me message' (non-native)",
        ),
        Phrase(
            "make (it|them|these|this|those|all this|all of this|all of it|it all) stop|end $",
            "usage: '... I keep getting these texts, make it stop'",
            0.9,
        ),
        Phrase(
            f"make (the|these|your|ur|those|all the|all these) ({TEXTS}) stop|end",
            "usage: 'make these messages stop'",
        ),
        Phrase(
            "stop|quit (this is|this isnt|this is not|thats not|its not|this number|this phone"
            "|this cell|this line|not my|i never|i didnt|i did not|i dont|i do not"
            "|im not|i am not|i have never|ive never|no longer|you have the wrong|u have the"
            " wrong|you got the wrong|u got the wrong)",
            "usage: 'STOP this is my work phone', 'stop I never signed up' (a command, then why; "
            "'stop this is so cute' is delight)",
            0.85,
        ),
        # -- fifth independent test (2026-12)
        Phrase(
            "i|we (never|didnt|did not|have never|havent|no longer|aint|aint never|didnt ever"
            f"|never ever) (signed|sign) -({SIGNED_THING})",
            "usage: 'I never signed up', 'we never signed for this' (not 'I never signed the "
            "lease': a document)",
        ),
        # -- sixth independent test (2026-12)
        Phrase(
            "not|no (interested|interest|thanks|thank you|thx) (remove|delete|unsub) $",
            "usage: 'Not interested. Remove.' (the word after the refusal says what to do)",
        ),
        Phrase(
            "(texted|txted|replied|sent|said|typed|wrote|responded|answered|told you) (stop"
            "|unsubscribe|stopall|unsub) (already|before|yesterday|last week|last night"
            "|earlier|twice|again|times|multiple times|many times|several times|a week ago"
            "|days ago|weeks ago|months ago|a while ago|like)? (why|and|but|yet|so)? (am i|are"
            " you|do you|you|u|i|im|i am|yall|you guys|they|and i am|and im)? (still|keep|keeps"
            "|continue|continues|kept) (getting|receiving|get|receive|texting|txting|sending"
            "|messaging|spamming|contacting|calling|bothering|to text|to send|to get|to receive)"
            " -charged|billed|charges|bills|emails|email|calls|mail|letters|packages|invoices",
            "usage: 'I texted stop yesterday, why am I still getting these' (STOP was ignored: "
            "the request stands)",
        ),
        # -- ninth review (2026-12)
        Phrase(
            "texts|text|txts|messages|msgs|sms|alerts|notifications|reminders|promos|marketing"
            f" (are|r|is|feel)? ({UNWANTED})",
            "usage: 'texts = unwanted. remove.' (the texts named unwanted; not 'I get unwanted "
            "texts from a scammer')",
            0.85,
        ),
        Phrase(
            f"your|these|those|ur|all ({TEXTS}) (are|r|is|feel)? ({UNWANTED})",
            "usage: 'your texts are unwanted'",
            0.85,
        ),
    ),
    review_phrases=(
        Phrase(
            "(not interested|not intrested|no interest|no longer interested)",
            "usage: declines an offer; may or may not revoke consent to texts",
            0.6,
        ),
        Phrase("no thanks|thank|thx|thankyou $", "usage: declining an offer", 0.3),
        Phrase(
            "(dont|do not|no longer) (want|need) it $",
            "usage: 'I don't need it': declines the offer, or the texts ('Remove the stain "
            "guard from the quote, I don't need it')",
            0.6,
        ),
        Phrase(
            "(who is this|whos this|who dis|who are you|who r u) $",
            "usage: recipient does not know the sender",
            0.3,
        ),
        Phrase(
            "why (are|r) (you|u) (texting|messaging|contacting) me",
            "usage: questions the texts",
            0.6,
        ),
        Phrase("how did you get my number", "usage: questions consent", 0.6),
        Phrase(
            "i|we (didnt|did not|never|havent|have not) (sign|signed|apply|applied|open|opened|ask"
            "|asked) (up)? for (this|that|a|an|the|any|no)? (credit card|card|loan|account"
            "|mortgage|credit line|line of credit|insurance|policy|lease|car loan)",
            "usage: 'I didn't sign up for this credit card, is this fraud?' (fraud, not "
            "clearly the texts)",
            0.6,
        ),
        Phrase(
            "cancel my|the? (account|subscription|membership|service|plan)",
            "usage: cancelling a service is not clearly cancelling the texts",
            0.55,
        ),
        Phrase("cancel|end it|that|this $", "usage: object unclear", 0.55),
        Phrase("go away", "usage: may mean stop texting", 0.65),
        Phrase(
            "(fuck off|piss off|f off|fuck you|screw you|go to hell|gtfo)",
            "usage: hostile, likely wants no contact",
            0.6,
        ),
        Phrase(
            "(wont|doesnt|will not|does not|never) stop (text~|messag~)",
            "usage: complains texts continue",
            0.7,
        ),
        Phrase(
            "(the|your|these) (texts|messages) (wont|dont|never) stop",
            "usage: complains texts continue",
            0.6,
        ),
        Phrase("(is this|this is) (a scam|spam|legit)", "usage: suspects the sender", 0.5),
        Phrase(
            "(im|i am) done -(with|eating|for|at|in|shopping|paying|ordering|here|soon|today"
            "|yet|working|cooking|reading|packing|by|early|late|by|signing|filling)",
            "usage: may mean stop texting ('I'm done with my order' does not)",
            0.5,
        ),
        Phrase(
            "(what happens|what if|if|should) (i|we) (reply|text|send|say|type) (stop|end|cancel"
            "|quit|unsubscribe)",
            "usage: asks about stopping; may mean to stop",
            0.5,
        ),
        Phrase("dnc|dnt $", "usage: 'DNC' (do not contact) as the whole reply", 0.6),
        Phrase("unfollow|unfollowing $", "usage: 'unfollow' as the whole reply", 0.6),
        Phrase("stp $", "usage: 'Stp': a typo of stop, or French 'please'", 0.6),
        Phrase(
            "(pause|snooze|hold) (the|these|those|all|your|my|text|sms)? (text~|messag~|alert~"
            "|notification~|sms|reminder~|promo~|deal~)",
            "usage: 'pause the texts': a stop, perhaps only for a while",
            0.7,
        ),
        Phrase(
            "(done|finished|through) with (you|u|you people|you guys|this|it|all this|this"
            " company|your company) $",
            "usage: 'I'm done with you': probably stop",
            0.6,
        ),
        Phrase(
            "(ill|i will|im going to|im gonna|i am going to) (report|sue|complain) -(back|on|in"
            "|for|my|the|it|when|after|tomorrow|later|at|by|with|about|to work)",
            "usage: a threat without its object",
            0.7,
        ),
        Phrase("tcpa", "usage: naming the texting law: probably a complaint", 0.7),
        Phrase(
            "why (do|does|did|are|r|is)? (you|u|yall|you guys|you people|they|this number|ya|y"
            f" all) (keep|keeps|continue|continues|still|keep on|always) ({SEND}) (me|us|this"
            " number|this phone|these|them|texts|messages|msgs|sms) -(the|a|an|wrong|my|your"
            "|our|his|her|their|this|that|emails|email|mail|letters|packages|package|bills"
            "|invoices|catalogs|catalogues|boxes|items|stuff|things|duplicates|two|double)",
            "usage: 'why do you keep texting me' (a complaint that does not yet ask)",
            0.6,
        ),
    ),
    benign=(
        # -- thirteenth independent test (2026-12-05)
        Phrase(
            "unsubscribed|unsubbed (my|our|his|her) (son|daughter|kid|kids|child|children|wife"
            "|husband|mom|dad|mother|father|family|boss) from -(text~|txt~|txts|sms|messag~|msg~"
            "|alert~|promo~|deal~|offer~|newsletter~|list~|these|this|your|ur|you|all)",
            "usage: 'I unsubscribed my son from soccer' (someone else, from something else)",
        ),
        Phrase(
            "stop|quit sending|putting (me|us) (to|into|in) (voicemail|voice mail|vm"
            "|the voicemail)",
            "usage: 'Stop sending me to voicemail, pick up' (a call, not texts)",
        ),
        # -- fifth independent test (2026-12)
        Phrase(
            "(stop|quit) (sending|send) (me|us)? (the|a|an) wrong",
            "usage: 'stop sending me the wrong size' (an order complaint)",
        ),
        Phrase(
            "reply|text|txt|send|respond * to (confirm|cancel|reschedule|book|rsvp|accept|decline"
            "|start|join|subscribe|help|opt in|get help) (or|and)? (stop|end|cancel|quit"
            "|unsubscribe|optout) (to|for) (opt out|optout|unsubscribe|cancel|end|stop|quit|unsub"
            "|be removed)",
            "usage: 'Reply C to confirm, STOP to opt out' (the business's instructions, quoted)",
        ),
        Phrase(
            "sign|signed|apply|applied (up)? for (this|that|a|an|the|any|no)? (credit card|card"
            "|loan|account|mortgage|credit line|line of credit|insurance|policy|lease|car loan)",
            "usage: 'I didn't sign up for this credit card' (fraud: review, by the review phrase "
            "that starts before it), 'I signed up for a card'",
        ),
        Phrase(
            "cancel|cancelling|canceling (and|n|then|to) (rebook~|reschedul~|re book|re schedule"
            "|book|make|set|move|pick|find|get)",
            "usage: 'I need to cancel and rebook' (an appointment, not the texts)",
        ),
        Phrase(
            f"(stop|quit) (sending|send) (the|a|your|ur|that|this)? ({VISITOR})",
            "usage: 'please stop sending the tech in the morning' (a visit, not texts)",
        ),
        Phrase(
            f"(stop|quit) (sending|send|shipping|mailing) ({SENT_DET})? ({SENT_THING}) (to|at"
            "|here|there) -(this|me|my phone|my number|my cell|my mobile|this phone|this number)",
            "usage: 'STOP sending the package to my old address' (things sent, not texts: only "
            "where they go follows, so 'invoices and reminders' stays an opt-out)",
        ),
        Phrase(
            f"(stop|quit) (sending|send|shipping|mailing) ({SENT_DET})? ({SENT_THING}) $",
            "usage: 'quit mailing the catalogs please'",
        ),
        Phrase(
            "stop (getting|receiving|get|receive|sending me|sending us|sending|send me|mailing"
            f" me|mailing) ({SENT_DET})? (paper|printed|mailed|physical"
            "|hard copy|hardcopy) (copy|copies|bill~|statement~|catalog~|catalogue~|mail~"
            "|newsletter~|invoice~|flyer~|coupon~|magazine~|letter~|notice~|receipt~|check~)"
            " -(and|&|or|plus|n|text|texts|txts|messages|msgs|sms|alerts)",
            "usage: 'I want to stop receiving paper bills' (paper, not the texts; twelfth "
            "blind test)",
        ),
        Phrase(
            f"stop (getting|receiving|get|receive|paying|being charged) ({SENT_DET})? (overdraft"
            "|late|monthly|annual|service|atm|convenience|extra) (fee|fees|charge|charges)"
            " -(and|&|or|plus|n|text|texts|txts|messages|msgs|sms|alerts)",
            "usage: 'I want to stop getting overdraft fees' (fees, not the texts)",
        ),
        Phrase(
            "(was|were|am|im|almost|nearly) (going|gonna|about|planning|thinking of|thinking"
            " about|ready)? (to)? (unsub~|opt out|cancel) (but|then|until|when)",
            "usage: 'I was going to unsubscribe but then I saw this deal' (a story of an "
            "opt-out not made)",
        ),
        Phrase(
            "(remove|delete|drop|take|get|cross|scratch|move|switch) (me|us|him|her|them|my son"
            f"|my daughter) off|from (the|my|our|his|her|their)? !({CLOCK_TIME})"
            f" -(list|lists|mailing|database|{TEXTS})",
            "usage: 'take me off the 3pm and put me on 4pm' (a time slot; 'the 10am reminder "
            "texts' stays an opt-out)",
        ),
        Phrase(
            "(bus|train|next|last|first|pit|truck|rest|one|final|subway|tram|metro|photo"
            "|whistle|full|non|short|quick|tour|brief|a|my|your|his|her|our|their|each"
            "|every|another|the|nonstop|second|third|2nd|3rd|1st|which|what|that) stop (deal~"
            "|offer~|sale~|savings|fun|action|flight~|service|entertainment|music|hits|coverage"
            "|party|parties|excitement|love)?",
            "usage: 'stop' as a noun (a place or a halt); 'non-stop deals'",
        ),
        Phrase(
            "stop (by|in|over|sign~|light~|loss|watch|gap|motion|at|into|on|off|for|and go"
            "|and shop|n shop|shop|smoking|drinking|worrying|laughing|crying|thinking|eating"
            "|working|playing|running|bleeding|breathing|talking|trying|being|doing"
            "|complaining|checking|counting|midway|the bleeding|the pain|the car|the music)",
            "usage: 'stop by', 'stop at the store', 'stop smoking'",
        ),
        Phrase(
            "stop (the|this|that|my|our|his|her|their|a) *? (bill|war|violence|madness|tax~"
            "|car|bus|clock|leak|bleeding|order|payment|check|cheque|deal|project|train|timer"
            "|alarm|meter|countdown|stopwatch|recording|video|engine|elevator"
            "|game|fight|steal|plan|process|show|pain|noise|construction|merger|law|policy"
            "|proposal|transfer|delivery|shipment|auto~|charges|charge|refill~|medication"
            "|prescription|water|gas|power|card|transaction|transactions|purchase|withdrawal"
            "|wire|debit)",
            "usage: 'we have got to STOP this bill' (compliance.md: peers' false opt-out)",
        ),
        Phrase(
            "stop (to|and) (pick up|get|grab|buy|eat|see|check|fill|refuel|rest|visit|say hi"
            "|chat|drop off|pay)",
            "usage: 'stop to pick up my order' (a halt on the way)",
        ),
        Phrase("(cant|can not|cannot|couldnt|could not) stop", "usage: 'can't stop laughing'"),
        Phrase(
            "(the|it|music|rain|noise|it just|this) (wont|doesnt|didnt|never) stop",
            "usage: describes something else that does not stop",
        ),
        Phrase(
            "(cancel|cancelled|canceled|cancelling|canceling|cancellation|reschedule) (of|for)?"
            " (my|the|our|your|this|that|his|her|an|a|tomorrows|todays|next)?"
            f" !({TEXTS}|and|or|but)? !({TEXTS}|and|or|but)? (appointment~|appt~|order~"
            "|reservation~|booking~|meeting~|visit~|flight~"
            "|delivery|deliveries|class~|session~|payment~|card|ride|trip|table|consult~"
            "|procedure|surgery|lesson~|pickup|pick up|request|call|interview|event|party"
            "|tour|check|cheque|transfer|shipment|item|purchase|tickets|ticket|hotel|room"
            "|lunch|dinner|date|refill|prescription|plans)",
            "usage: 'cancel my appointment' is about the appointment, not the texts",
        ),
        Phrase(
            "(end of|end date|end time|the end|dead end|front end|back end|high end|low end"
            "|end up|ends up|ended up|end result|end user|end game|ends today|ends tonight"
            "|ends soon|ends tomorrow|ends on|ends at|rear end|tail end|end the call"
            "|end the meeting)",
            "usage: 'the end of the month'",
        ),
        Phrase(
            "at|in|by|before|till|until|near|to|from|toward|towards the end",
            "usage: 'at the end of'",
        ),
        Phrase(
            "quit my|his|her|their|your|the? (job|smoking|drinking|vaping|work|team|gym|school"
            "|college|playing)",
            "usage: 'I quit my job'",
        ),
        Phrase(
            "(reply|text|txt|send|msg|respond|replied|texted) (stop|end|cancel|quit"
            "|unsubscribe|help|start|stop2quit|optout|arret|alto|baja|yes) (to|for) (opt out"
            "|optout|unsubscribe|cancel|end|stop|quit|opt in|help|confirm|be removed"
            "|stop receiving|end messages|stop messages|stop texts|unsub|info|resubscribe)",
            "usage: echoing the program's own opt-out instructions",
        ),
        Phrase(
            "(text|txt|send|reply|texted|sent) (stop|end|cancel|quit|unsubscribe|help|start|yes)"
            " to|at *",
            "usage: quoting a short-code instruction ('text STOP to 12345')",
        ),
        Phrase(
            "(reply|text|txt|replied|texted|respond|send) (stop|end|cancel|quit|unsubscribe) $",
            "usage: quoting the keyword, e.g. 'what happens if I reply stop'",
            0.5,
        ),
        Phrase(
            "(help|helped) (me|us)? (with|find|get|understand|choose|pick|book|schedule"
            "|reschedule|pay|fix|track|reset|change|update|log|sign in|figure|out)",
            "usage: asking for help with something else",
        ),
        Phrase(
            "(start|starts|starting) (date|time|at|on|tomorrow|today|monday|tuesday|wednesday"
            "|thursday|friday|saturday|sunday|next|the|my|a|over|in)",
            "usage: 'start date', 'start tomorrow'",
        ),
        Phrase(
            "yes (i|we|that|it|thats|its|sir|maam|confirm~|ill|i will|we will|will"
            "|can|correct|sure|definitely|absolutely|book|do)",
            "usage: 'yes' answering a question, not asking to subscribe",
        ),
        Phrase(
            "(please|pls|plz) (text|message|call|email) me|us (the|your|back|when|at|a|an"
            "|later|tomorrow|if)",
            "usage: asks for a text",
        ),
        Phrase(
            "(remove|delete|drop|take|get|put|cross|scratch) (me|us|myself|my name|my son"
            "|my daughter|my kid|my kids|my child|him|her|them) (off|from|out of) (the|this|that"
            "|my|our|your|ur|his|her|their|tomorrows|todays|tonights|next|a|an)?"
            f" !{LISTISH}? !{LISTISH}? ({NOT_A_LIST}) -(list|lists|mailing|database|{TEXTS})",
            "usage: 'remove me from the waitlist', 'take me off the 3pm class': not a messaging "
            "list ('... the class texts' stays an opt-out)",
        ),
        Phrase(
            "(take|get|drop) (me|us|him|her|them) out (to|on a|tonight|tomorrow|sometime"
            "|somewhere|dancing|drinking|shopping|for dinner|for lunch|for drinks|for coffee"
            "|for a|for breakfast|for brunch)",
            "usage: 'take me out to dinner'",
        ),
        Phrase(
            "(drop|get|take|put) (me|us|him|her|them|my son|my daughter|my kid|my kids) off|out"
            " (at|near|around|outside|in front|on the) !once|all",
            "usage: 'drop me off at the station', 'take me off at 4' (not 'at once')",
        ),
        Phrase("get (me|us) out of here|there", "usage: 'get me out of here'"),
        Phrase(
            "(stop|quit|no) (texting|txting|texts|text) (and|while|when|n|behind) (driving|drive"
            "|you drive|youre driving|you are driving|walking|the wheel)",
            "usage: road-safety 'stop texting and driving'",
        ),
        Phrase(
            "stop (payment|payments|pymt|check|checks|cheque|cheques) on|for|of|to|number",
            "usage: 'stop payment on check 1043' (banking; 'stop payment' alone stays an opt-out)",
        ),
        Phrase("stop (honking|the presses)", "usage: 'stop honking', 'stop the presses'"),
        Phrase(
            "unsubtle|unsubtly|unsubstantiated|unsubstantial|unsubsidized|unsubsidised|unsubdued",
            "usage: real words that start like 'unsub'",
        ),
        Phrase("(cant|can not|cannot) stop (wont|will not) stop", "usage: 'can't stop won't stop'"),
        Phrase(
            "(nothing|nobody|no one|noone) (can|could|will|would|is going to|gonna)? stop",
            "usage: 'nothing can stop us'",
        ),
        Phrase(
            "wrong (number|num|no) (on|in) (the|my|your|ur|this|our|his|her|an|a)? *? (invoice"
            "|bill|receipt|order|statement|form|website|site|ticket|reservation|booking"
            "|confirmation|card|profile|app|listing|ad|flyer|page|menu|sign|label|package|check"
            "|cheque|sheet|report|screen|quote|estimate|email|letter|paperwork|application"
            "|contract|policy|document|doc|prescription|shipment|tracking|box|door|unit"
            "|apartment|address)",
            "usage: 'wrong number on my invoice' (a figure, not a phone number)",
        ),
        Phrase("wrong (number|num|no) of", "usage: 'the wrong number of boxes'"),
        Phrase(
            "(i|i think i|i must have|sorry i|my bad i|oops i|oops) (dialed|dialled|texted|called"
            "|messaged|sent this to|sent that to|sent it to|typed|put in|entered) (the|a)? wrong"
            " (number|num|no|person)",
            "usage: 'Sorry, I texted the wrong number' (the person's own mistake; twelfth blind "
            "test)",
        ),
        Phrase(
            "(oops|sorry|my bad|whoops) (wrong|the wrong) (number|num|no|person) (meant|i meant"
            "|was meant|was supposed) to",
            "usage: 'Oops wrong number, meant to text my sister'",
        ),
        Phrase(
            "i|we (never|didnt|did not|havent|have not) (signed|sign|registered|register) up?"
            " (for|to)? (the|a|this|that|your)? *? *? (can|could|may|how do|how can|where do"
            "|where can) (i|we) still? (join|register|sign up|signup|enroll|enter|participate"
            "|get in)",
            "usage: 'I never signed up for the 10k, can I still join?' (wants to join)",
        ),
        Phrase(
            "(end|cancel|terminate|break) (my|the|our|this|his|her|a)? (lease|contract|loan"
            f"|mortgage|rental|policy|insurance|membership|gym membership) -({TEXTS})",
            "usage: 'I need to end my lease' (cancelling a membership stays for review)",
        ),
        Phrase(
            "unsub~ (me|us)? from (the|your|ur|my|all)? (paper|print|printed|postal|weekly"
            "|monthly|daily)? (emails|email|e mails|e mail|mails"
            "|newsletter~|mailing list) (only|but keep|but still|but i still|but not|and keep"
            "|keep|but leave|not texts|not the texts)",
            "usage: 'unsubscribe from email only, keep texts'",
        ),
        # -- second independent test (2026-12)
        Phrase(
            f"stop|stopped|stopping|quit|quitting !{SENDING}|*ing -(me|us|my phone|my number|this"
            f" number|this phone|{TEXTS})",
            "usage: 'stop' + another activity: 'stop taking my metformin', 'stop raising "
            "taxes', 'my car won't stop making a noise' (not 'stop texting', 'stop sending')",
        ),
        Phrase(
            "(wont|will not|doesnt|does not|didnt|did not|wouldnt|would not|hasnt|has not|havent"
            "|have not|cant|never) stop -(text~|txt~|messag~|msg~|send~|spam~|contact~|call~"
            "|emailing|bothering|harassing)",
            "usage: 'the bleeding won't stop', 'my tooth pain won't stop'",
        ),
        Phrase(
            "(when|will|does|did|would|should|till|until|before|after|once) (does|will|did|would"
            "|is|should|can|do)? (the|my|your|his|her|our|their|a|an) !({TEXTS}|{MSG}|it|this"
            f"|these|them|you|u)? !({TEXTS}|{MSG}|it|this|these|them|you|u) stop",
            "usage: 'when does the rain stop?', 'will the construction noise stop'",
        ),
        Phrase(
            "stop (it|that|this|omg|oh my god|lol|haha)? (youre|ur|you are|thats|that is|its"
            "|this is|you guys are|u r|im|i am|you|your)? (so|too|literally|really|the|just)?"
            " (hilarious|funny|amazing|awesome|adorable|cute|sweet|kidding|joking|lying|blushing"
            "|best|making me blush|making me hungry|making me laugh|killing me|incredible|unreal"
            "|crazy|insane|nuts|wonderful|perfect|genius|too much|the best|gorgeous|beautiful)",
            "usage: a joking 'stop!' ('Stop! That's hilarious', 'Stop it, you're making me blush')",
        ),
        Phrase(
            "(opt out|optout|opting out|opted out|opt outs) of|from (the|my|a|an|this|that|paper"
            "|our|his|her|their)? !({TEXTS}|{MSG}|these|this|them|it|all|everything|list|lists"
            "|mailing|your|ur|messaging|marketing|program|programs|service|subscription~|any"
            f"|future|further|receiving|getting|being|you|u) -({TEXTS}|{MSG}|list|lists|program)",
            "usage: 'opt out of the warranty', 'opt out of paper statements' (not of the texts)",
        ),
        Phrase(
            "remove|removing|removed|delete|deleting|erase|erasing (the|a|an|that|these|those"
            "|some|any|old|pet|dog|cat|your)? !(me|us|mw|ne|mr|mee|mi|em|m|myself|my|his|her"
            "|their|this|number"
            f"|numbers|phone|cell|contact|contacts|info|name|them|it|him|{TEXTS}|{MSG}|list|from"
            "|off|of|all|everything|anything|now|and|line|account|data|details"
            f"|{POLITE}|subscription~)"
            f" -(number|numbers|phone|cell|contact|info|{TEXTS}|list|from|off)",
            "usage: 'remove the onions', 'how do you remove pet hair from the seats'",
        ),
        Phrase(
            "cancel|cancelling|canceling|end (the|my|a|an|our|that|this|tomorrows|todays|next|his"
            f"|her|their)? !({TEXTS}|{MSG}|subscri~|membership~|account~|service~|plan|plans"
            "|all|everything|anything|it|that|this|these|them|me|us|my|the|now|and|or"
            f"|program|programs|list|number|texting|{POLITE}) -({TEXTS}|{MSG}|subscription~|list)",
            "usage: 'cancel the 3pm', 'cancel the extra toppings', 'end the filibuster'",
        ),
        Phrase(
            "(hate|sad|sorry|shame|bummed|upset|miss) (for|if|when|it if|it when)? (these|the"
            f"|your|those|ur)? ({MSG}) (to|ever|ever to)? (stop|end|ended|stopped)",
            "usage: 'I'd hate for these texts to stop'",
        ),
        Phrase(
            "(unsub~|opted out|opt out|texted stop|replied stop|sent stop|hit unsubscribe|hit stop"
            "|pressed stop|clicked unsubscribe) (by mistake|by accident|accidentally|on accident"
            "|in error|mistakenly|accidently)",
            "usage: 'my husband unsubscribed by mistake' (wants to stay)",
        ),
        Phrase(
            "(accidentally|mistakenly|accidently|i didnt mean to) (unsub~|opted out|texted stop"
            "|replied stop|sent stop|hit stop|pressed stop|replied|texted|typed|said)",
            "usage: 'I accidentally replied STOP' (wants to stay)",
        ),
        Phrase(
            "unsub~ (my|this|the|that|our) (old|previous|former|work|other|personal|business"
            "|second|wifes|husbands)? (email|e mail|address|email address|gmail|account|login"
            "|username)",
            "usage: 'unsubscribe my old email' (an email address, not this number)",
        ),
        Phrase(
            "(do|should|can|could|would|if) (i|we|you) (text|reply|send|type|say|respond)"
            " (stop|end|cancel|quit|unsubscribe|stopall|optout) or (stop|end|cancel|quit"
            "|unsubscribe|stopall|optout) (to opt out|to unsubscribe|to stop|to cancel)?",
            "usage: 'do I text STOP or UNSUBSCRIBE to opt out?' (asks about the keywords)",
        ),
        Phrase(
            "(wont|will not|doesnt|does not|didnt|never|to|it|pain|rash|swelling|cough|fever"
            "|headache|itch|smell|stain) go away",
            "usage: 'the rash won't go away'",
        ),
        Phrase(
            "help (yourself|yourselves|themselves|himself|herself)",
            "usage: 'help yourself to the leftovers'",
        ),
        # -- third independent test (2026-12)
        Phrase(
            "stop (it|omg|oh my god|lol|haha|lmao|rn|girl|bro|omfg)? (im|i am|i|youre|you are|ur"
            "|this is|thats|its|omg|ok|u|you|got me)? (literally|so|actually|just|really|lowkey"
            "|gonna|about to|deadass|fr)? (crying|dying|screaming|blushing|shy|dead|deceased"
            "|obsessed|love it|love this|love that|love you|love u|in love|melting|cute|adorable"
            "|so cute|tearing up|weak|cackling|wheezing|crying rn|gonna cry|speechless)",
            "usage: 'stop' as delight: 'Stoppp I love it', 'lol stop I'm shy', 'stop.. I'm "
            "literally crying'",
        ),
        Phrase(
            "stop (drop|dropping) (and|n|&)? roll", "usage: 'stop, drop and roll' (fire safety)"
        ),
        Phrase(
            "(told|tell|telling|asked|ask|asking|reminded|remind|begged|warned|want|wanted|wants)"
            " (my|our|his|her)? (husband|wife|son|daughter|kid|kids|child|children|mom|dad|mother"
            "|father|brother|sister|friend|friends|boyfriend|girlfriend|bf|gf|partner|roommate"
            "|grandma|grandpa|him|her|them|teen|teenager|boss|coworker|family|cousin) to (stop"
            f"|quit) ({SENDING}) -(me|us|this number|this phone|my number|my phone)",
            "usage: 'I told my husband to stop texting you guys' (someone else's texting)",
        ),
        Phrase(
            "(ill|i will|im gonna|im going to|i am going to|i shall|i should|i promise to|i promise"
            " ill|ill try to|i will try to|ill have to|i guess ill|i need to|i gotta|i have to|i"
            " better|we will|were gonna|were going to|ok ill|okay ill|fine ill|sorry ill) (stop"
            "|quit) (texting|txting|messaging|msging|sending|writing|bothering|spamming|bugging"
            "|pestering|hitting|blowing|calling|emailing|replying|responding|answering|asking)"
            " (you|u|ya|yall|you guys|y all|your|ur|them|this|back|so|now|for|all|lol|haha|then)",
            "usage: 'I'll quit texting you so much lol' (the person will stop texting us)",
        ),
        Phrase(
            "(why|when|did|have|has) (did|have|has|do|would|d)? (you|u|yall|you guys|they|it|the"
            f" texts|the messages|the alerts) (stop|stopped|quit) ({SENDING}|$)",
            "usage: 'why did you stop texting me?' (misses the texts)",
        ),
        Phrase(
            "(sister|brother|mom|dad|mother|father|wife|husband|son|daughter|friend|kid|boss"
            "|coworker|roommate|neighbor|neighbour|partner|boyfriend|girlfriend|grandma|grandpa"
            "|aunt|uncle|cousin) (wants|want|wanted|is trying|tried|would like|needs|asked|asks)"
            " to (unsub~|opt out|stop|cancel) ... (how|what) (does|do|can|should) (she|he|they)",
            "usage: 'my sister wants to unsubscribe, how does she do it?' (asks for someone "
            "else's phone)",
        ),
        Phrase(
            "unsub~ (no way|hell no|not a chance|no chance|why would i|are you kidding|as if|lol no"
            "|haha no|nah|nope|never|i dont think so|yeah right)",
            "usage: 'Unsubscribe? No way, these deals are great' (a rhetorical question)",
        ),
        Phrase(
            "thanks|thank|thx|ty|appreciate (you)? (for|4) (the|your|all the|all your|all of the)?"
            " help",
            "usage: 'thanks for the help' (not a HELP request)",
        ),
        Phrase(
            "(not|no longer) interested in (the|that|this|those|these|a|an|your|ur)? *? (one|ones"
            "|color|colour|size|model|house|home|car|property|listing|unit|apartment|condo|item"
            "|product|style|version|option|plan|package|deal|offer|price|shirt|dress|shoes"
            "|jacket|couch|table|bed|phone|bike|truck|lot)",
            "usage: 'not interested in the blue one' (declines one product, not the texts)",
        ),
        # -- fourth independent test (2026-12)
        Phrase(
            "(or|and|otherwise) (stop|end|cancel|quit|unsubscribe|stopall|optout|stop2quit) (to"
            "|for) (opt out|optout|unsubscribe|cancel|end|stop|quit|be removed|stop receiving"
            "|end messages|stop messages|stop texts|unsub|leave|exit)",
            "usage: the program's own instruction quoted in a reply ('... Reply C to confirm or "
            "STOP to opt out')",
        ),
        Phrase(
            "stop|cancel|end|disable|pause (my|the|your|this|our|his|her)? (autopay|auto pay"
            "|autodraft|auto draft|autorenew|auto renew|auto renewal|autoship|auto ship"
            "|autorefill|auto refill|automatic payment~|recurring payment~|recurring billing"
            "|direct debit|standing order|auto debit|autodebit|automatic renewal|auto bill~"
            "|autobill~)",
            "usage: 'how do I stop autopay?' (a payment, not the texts)",
        ),
        # -- sixth independent test (2026-12)
        Phrase(
            "stop|prevent|keep (my|the|this|our|his|her|their)? !(you|u|yall|them|it|this"
            "|these|those|people|yourself|yourselves|texts|messages|number|company|bot) from"
            " (auto|automatically)? (renew~|autorenew~|charg~|bill~|expir~|deduct~|withdraw~"
            "|debit~|ship~|lock~|clos~|overdraw~)",
            "usage: 'how do I stop my account from auto-renewing?' (an account, not the texts)",
        ),
        Phrase(
            "remove|delete|change|update|edit (my|the|our|his|her)? (old|current|previous"
            "|former|home|work|billing|shipping|mailing|saved|second|other)? (address"
            "|addresses|card|cards|credit card|debit card|payment method|payment info|photo"
            "|picture|pic|review|comment|post|listing|password|item|items) -(from your|from ur"
            "|from the list|from the mailing|from this list|from all|from the text|from texts"
            "|from the sms)",
            "usage: 'I want to remove my old address from my account' (an account detail)",
        ),
        Phrase(
            "(i|we) (didnt|did not|never|havent|have not) (request|requested|ask for|asked for"
            "|try|tried|attempt|attempted|order|ordered) (this|that|the|a|any|these)? (code"
            "|codes|otp|verification|password reset|reset|login|log in|sign in|pin|passcode"
            "|one time|2fa|security code) -stop|stopall|unsubscribe|unsub|end|quit|cancel"
            "|optout|remove",
            "usage: 'I didn't request this code' (a security question about a login, not the "
            "texts)",
        ),
        Phrase(
            "(why|how come|when) (did|do|does|have|has|would|will|is|are)? (my|the|our|his|her"
            "|their) !(texts|messages|alerts|msgs|txts|sms|notifications|reminders) (stop"
            "|stopped|end|ended) (i|we)? (didnt|did not|never|havent|have not)?",
            "usage: 'why did my deliveries stop? I didn't cancel' (asks why a service stopped)",
        ),
        Phrase(
            "remove|take|drop (me|us|him|her) (off|out)? as (the|a|an|his|her|their|my|our)?"
            " (emergency contact|primary contact|secondary contact|point of contact|guarantor"
            "|cosigner|co signer|authorized user|beneficiary|admin|administrator|owner|manager"
            "|parent|guardian|driver|account holder|reference|host|organizer|organiser|coach"
            "|volunteer|chaperone)",
            "usage: 'remove me as the emergency contact for Jordan' (a role, not the texts)",
        ),
        # -- ninth review (2026-12)
        Phrase(
            "(dont|do not|pls dont|please dont|please do not|plz dont|never) (text~|txt~|messag~"
            "|call~|email~|tell|mention|say) (my|our) (wife|husband|partner|mom|mother|dad"
            "|father|son|daughter|kid|kids|boss|family|girlfriend|boyfriend|fiance|fiancee|sister"
            "|brother|grandma|grandpa|friend|roommate) (about|regarding|re)",
            "usage: 'don't text my wife about the surprise party' (what to say, not an opt-out; "
            "'don't text my phone' stays one)",
        ),
        Phrase(
            "unsubscribed|unsubbed|unsubscribing from (your|a|the|my|their|those|that|all)?"
            " (competitor|competitors"
            "|competition|other store|other stores|another store|other company|other companies"
            "|rival|rivals)",
            "usage: 'unsubscribed from your competitor, yours are better'",
        ),
        Phrase(
            "(thinking about|thinking of|considering|debating|tempted to|tempted) (have to)?"
            " unsub~",
            "usage: 'I'm thinking about unsubscribing' (not yet a request)",
        ),
        Phrase(
            "(accidentally|accidently|mistakenly|i didnt mean to) (hit|clicked|clicked on"
            "|pressed|tapped|tapped on|selected|touched|chose|checked) (the|an|that|this)?"
            " (unsub~|opt out|stop)",
            "usage: 'I accidentally hit unsubscribe on the email' (wants to stay)",
        ),
        Phrase(
            "(hate|hated|loath|dont want|do not want|didnt want|did not want"
            "|never want|never wanted|wouldnt want|would not want|not going|not gonna|no need"
            "|no reason) to (ever|have to)? unsub~",
            "usage: 'I'd hate to unsubscribe, these are great' (a reason to stay, not a request)",
        ),
        # -- tenth independent test (2026-12-05)
        Phrase(
            "unsub~ (me|us)? from (the|my|your|ur|our|this|that|a)? (weekly|monthly|daily)?"
            " (meal plan|meal plans|meal kit|meal kits|autoship|auto ship|auto delivery"
            "|auto refill|auto renew|auto renewal|subscription box|waitlist|wait list"
            "|membership|class|classes|course|magazine|podcast|youtube channel|streaming"
            "|delivery plan|service plan|gym|club|insurance|warranty)"
            " -(text~|txt~|txts|sms|messag~|msg~|alert~|notification~|reminder~|update~|promo~"
            "|deal~|offer~|email~)",
            "usage: 'too late to unsubscribe from the meal plan?' (another subscription, not "
            "the texts)",
        ),
        Phrase(
            "leave me alone for (a|one|two|three|five|ten|few|a few|couple|a couple|1|2|3|5|10"
            "|15|20|30)? (sec|secs|second|seconds|min|mins|minute|minutes|moment|bit|hour"
            "|hours)",
            "usage: 'leave me alone for 5 minutes lol' (a moment's peace, not the texts)",
        ),
    ),
    keep=(
        Phrase(
            "(i|we) (want|prefer|like|need|love|rather have) (the|your)? (texts|text|txts|sms"
            "|text messages|texting) (not|instead|but not|over|rather|more than)",
            "usage: 'I want texts, not emails' (a channel preference: the texts stay)",
        ),
        Phrase(
            "(just|only) (text|txt|sms|message|texting|texts) (me|us|is fine|instead|only|please)?",
            "usage: 'don't call me, just text'",
        ),
        Phrase(
            "(text|txt|message|email|sms) (me|us|him|her|them|this number) (here|on here|at this"
            " number|on this number|on this one|at this one)? (instead|only)",
            "usage: 'don't call me, just text'",
        ),
        Phrase(
            "(text|txt|texting|texts|sms|messaging|messages|text messages) (instead|only|is fine"
            "|are fine|is ok|is okay|are ok|are okay|is better|works|is good|are good|is great"
            "|are great|is perfect)",
            "usage: 'text instead', 'texting is fine'",
        ),
        Phrase(
            f"(i|we) (still|do) (want|like|need|love) (the|your|these|to get|to receive|getting"
            f"|receiving)? ({KEEP_TEXTS})",
            "usage: 'but I still want texts'",
        ),
        Phrase(
            "(stay|remain|keep me|keep us) (subscribed|signed up|on the list|opted in|enrolled"
            "|on your list|on the texts)",
            "usage: 'I want to stay subscribed'",
        ),
        Phrase(
            "keep (the|your|those|these)? (texts|messages|deals|alerts|them|em) coming",
            "usage: 'keep the texts coming'",
        ),
        Phrase(
            "(keep|continue) (texting|messaging|sending) (me|us) -(and|or|n)",
            "usage: 'keep texting me'",
        ),
        Phrase(
            "(i|we) (like|love|enjoy|appreciate|prefer) (the|your|these|getting the|getting your"
            "|receiving the|getting|receiving) (texts|text messages|text alerts|sms|text deals"
            "|texted deals) -(to|stop|stopped|end|ended)",
            "usage: 'I unsubscribed from emails but I like the texts'",
        ),
        Phrase(
            "(but|and|just|only|still|please) keep (the|your|these|those|getting the|sending the"
            "|sending me the|sending|getting|receiving|getting your|receiving the|receiving"
            " your)? (texts|text messages|text alerts|sms|text)",
            "usage: 'stop sending the emails but keep the texts'",
        ),
        Phrase(
            "(but|and|just|only|still|please) (keep|leave) (me|us|myself|mine|my number|this number"
            "|my own|my subscription) (on|in|subscribed|signed up|on it|on there)? $",
            "usage: 'unsubscribe my son but keep me' (this number stays: a person decides)",
        ),
        Phrase(
            "(but|and) not (me|us|myself|mine|my number|this number|my own|my subscription) $",
            "usage: 'unsubscribe my son but not me'",
        ),
        Phrase(
            "(once|twice|one time|two times|three times|one|two|three) (a|per|every|each) (week"
            "|day|month|fortnight|other week|couple weeks) (is|would be|will be|sounds|seems)?"
            " (fine|ok|okay|enough|plenty|good|better|great|perfect|alright)",
            "usage: 'stop sending so many texts, once a week is fine' (fewer texts, not none)",
        ),
        Phrase(
            "(these|the|your|ur) (deals|texts|offers|alerts|messages|promos) (are|r) (great|awesome"
            "|amazing|the best|so good|good|helpful|useful|fire|lit)",
            "usage: 'these deals are great'",
        ),
    ),
    help_phrases=(
        # -- fifteenth independent test (2026-12-05)
        Phrase(
            "(understand|know|explain|tell me) what (these|this|the|your|ur) (texts|text"
            "|messages|message|msgs|alerts) (are|is) (about|for)?",
            "usage: 'HELP me understand what these texts are'",
        ),
        Phrase(
            "^ is|are (this|these|you|u) (a)? (real|legit|legitimate|actual|genuine) (company"
            "|business|number|texts|messages|service)? $",
            "usage: 'Is this a real company?' (the HELP reply says who is texting)",
        ),
        # -- fourteenth independent test (2026-12-05): "who is this?" as the whole message
        # gets the HELP reply (brand, contact, how to opt out), which is what it asks
        Phrase(
            "^ who|whos (is|are|r|s)? (this|dis|you|u|texting|texting me|messaging me|is this)? $",
            "usage: 'Who is this?', 'who dis', 'Who are you?', 'who's texting me'",
        ),
        Phrase(
            "^ what|whats (is|s)? (this|dis) (about|for|number|text)? $",
            "usage: 'What is this?', 'What's this about?' (a reply to our text: about it)",
        ),
        Phrase(
            "^ what|which (company|business|store|brand|place) (is|are) (this|you|u|texting me) $",
            "usage: 'What company is this?'",
        ),
        Phrase(
            "^ why (am i|do i|r u|are you|are u) (getting|receiving|get|receive) (these|this|the"
            f"|your|ur)? ({TEXTS})? $",
            "usage: 'Why am I getting these texts?'",
        ),
        # -- thirteenth independent test (2026-12-05): whole messages about the program
        Phrase("^ (more|send|need|get) (more)? (info|information|details) $", "usage: 'more info'"),
        Phrase(
            "^ (msg|message|messages|text|texting|sms) (frequency|freq) $",
            "usage: 'Msg frequency?'",
        ),
        Phrase(
            "^ how often (will|do|would|should) (i|we) (get|receive) (these|the|your|ur)?"
            f" ({TEXTS}) $",
            "usage: 'How often will I get messages?'",
        ),
        Phrase(
            f"^ (are there|is there|do you) (any|a)? (charges|charge|fees|fee|costs|cost) (for)?"
            f" (these|the|this|your|ur)? ({TEXTS})? $",
            "usage: 'Are there charges for these texts?'",
        ),
        Phrase(
            f"^ what|whats (are|is|s|r)? (these|this|the) ({TEXTS}|service|text service|text"
            " program) (about|for)? $",
            "usage: 'What are these messages?', 'What's this service?'",
        ),
        Phrase(
            "need|want|get|send (me)? (more)? (info|information|details) (about|on|regarding"
            f"|for) (these|the|this|your|ur) ({TEXTS}|program|service|texting|messaging)",
            "usage: 'Need more info about these texts' (CTIA: HELP says what the program is)",
        ),
        Phrase(
            "what|wheres|where (are|is|r) (the|your|ur)? (terms|terms and conditions|privacy"
            " policy|program terms)",
            "usage: 'what are the terms?' (the HELP reply points to them)",
        ),
        Phrase(
            "what|which (program|service|company|business|list|club|brand|store|shop|account"
            "|subscription|text program|text service|text club) (is|s) (this|that|it|sending"
            " me|texting me)",
            "usage: 'What program is this?' (CTIA: HELP says who is texting)",
        ),
        Phrase(
            "who|whos (is|s|are|r)? (sending|texting|messaging) (me|us|these|this|them)",
            "usage: 'Who is sending these?'",
        ),
        Phrase(
            "(what|which) (number|phone number|email|email address|address) (do|can|should"
            "|could) (i|we) (call|contact|reach|email|text|use) (for|to get|to reach)? (support"
            "|help|customer service|customer support|questions|assistance|a person|someone)",
            "usage: 'What number do I call for support?'",
        ),
        Phrase(
            "how (do|can|should|could) (i|we) (contact|reach|call|get in touch with|talk to"
            "|speak to|speak with|get hold of) (you|u|support|customer service|customer support"
            "|someone|a person|a human|an agent) (about|regarding|re|with|for)? (these|this|the"
            "|your|ur|my)? (texts|text messages|messages|msgs|alerts|program|text program)? $",
            "usage: 'How do I contact support?' (the whole question: not 'how can I reach you "
            "tomorrow')",
        ),
        Phrase(
            "(how|where) (do|can|could) (i|we) get help (with)? (these|the|your|this)? (texts"
            "|messages|alerts|program|service|account)?",
            "usage: 'How do I get help with these texts?'",
        ),
        Phrase(
            "what|whats (is|s)? (this|that) (number|phone number|text number|short code) $",
            "usage: 'What is this number?' (the HELP reply says who it is)",
        ),
        Phrase(
            "what|whats (is|s)? (your|the|ur) (customer service|customer support|support|help"
            "|helpline|help line|contact|customer care) (number|line|phone number|phone|email"
            "|email address)",
            "usage: 'What's your customer service number?'",
        ),
        Phrase(
            "can|could|may (i|we) (talk|speak) (to|with) (a|an)? (real|actual|live)? (person"
            "|human|agent|representative|rep|human being) $",
            "usage: 'Can I talk to a real person?' (the HELP reply gives the contact)",
        ),
    ),
    opt_in_phrases=(
        # Only clear requests to get the texts again: an opt-in re-enables texting a number
        # that had stopped them. Anything less clear stays none (the number stays suppressed).
        Phrase(
            "(put|add|sign) (me|us|my number|this number) back (on|to|in|onto|up for) (the|your"
            "|ur|this|that|all the)? (list|lists|mailing list|text list|texting list|sms list"
            "|text~|alert~|messag~|program|subscription|deal~|offer~|promo~|update~)",
            "usage: 'put me back on the list', 'add me back to the texts' (not 'on the schedule')",
        ),
        Phrase(
            "(put|add|sign) (me|us|my number|this number) back (in|on|up)? $",
            "usage: 'put me back on' as the whole request",
        ),
        Phrase(
            "(resubscribe|re subscribe|resub) (me|us|my number|this number)",
            "usage: 'please resubscribe me'",
        ),
        Phrase("opt~ (me|us)? back in", "usage: 'I want to opt back in', 'opting back in'"),
        Phrase(
            "sign~ (me|us)? back up (for (the|your|ur)? (text~|alert~|messag~|list|deal~))? $",
            "usage: 'sign me back up', 'signing back up for the texts'",
        ),
        Phrase(
            "(i|we|id) (want|wanna|would like|like|wish|need) to (subscribe|resubscribe|re"
            " subscribe|opt in|optin|opt back in|sign up again|subscribe again|rejoin|re join) $",
            "usage: 'I want to subscribe' as the whole request",
        ),
        Phrase(
            "(i|we|id) (want|wanna|would like|like|wish|need) to (start|begin)? (receiving"
            "|getting|receive|get) (the|your|ur|those|these)? (text~|txt~|messag~|alert~"
            "|deal~|offer~|promo~|update~|notification~|reminder~|sms) again",
            "usage: 'I want to start receiving texts again', 'I'd like to get the deals again'",
        ),
        Phrase(
            "(i|we) (want|need|would like|miss) (the|your|ur|my)? (text~|txt~|alert~|deal~|offer~"
            "|promo~|update~|notification~|reminder~|sms) (back|again)",
            "usage: 'I want alerts again', 'I want my texts back'",
        ),
        Phrase(
            "(start|resume|restart) (sending|texting|messaging) (me|us)? (the|your|ur)? (text~"
            "|deal~|alert~|offer~|promo~|update~|messag~|notification~)? again",
            "usage: 'start sending me deals again'",
        ),
        Phrase(
            "(resume|restart|reactivate|re enable|reenable) (my|the|your|these|those)? (text~"
            "|alert~|messag~|notification~|sms|subscription)",
            "usage: 'please resume my texts'",
        ),
        Phrase(
            "(turn|switch) (the|my|your)? (text~|alert~|notification~|messag~|sms) back on",
            "usage: 'turn texts back on please'",
        ),
        Phrase(
            "(send|text|message) (me|us) (the|your|ur|those|these)? (texts|text messages|txts"
            "|messages|msgs|alerts|text alerts|sms|notifications|deals|offers|promos) again",
            "usage: 'yes, send me texts again'",
        ),
        Phrase(
            "(i|we|id) (want|wanna|would like|like|need|wish to get|wish to be|want to get|want"
            " to be|would like to get|would like to be) back (on|in|onto|into) (the|your|ur"
            "|this|that)? (list|lists|mailing list|text list|texting list|sms list|texts|alerts"
            "|program|messages)",
            "usage: 'I want back on the list'",
        ),
    ),
    negations=(
        "dont",
        "dnt",
        "do not",
        "dont ever",
        "please dont",
        "pls dont",
        "never",
        "please never",
        "didnt",
        "did not",
        "doesnt",
        "does not",
        "not",
        "no need to",
        "no reason to",
        "dont you",
        "dont want you to",
        "dont want to",
        "do not want to",
        "dont want u to",
        "dont need to",
        "no dont",
        "wasnt trying to",
        "not trying to",
        "didnt mean to",
        "did not mean to",
        "cant",
        "can not",
        "cannot",
        "couldnt",
        "could not",
        "shouldnt",
        "wouldnt",
        "dont ever",
        "never want to",
        "not going to",
        "not gonna",
        "never gonna",
        "why would i",
        "why would you",
        "why would",  # "Why would I want to get texts again?" (the phrase starts at "I")
        "yeah right like",  # "Yeah right, like I want to receive your texts again"
        "as if",
        "if you",
        "if i",
        "why do you",
        "why do you guys",
        "why do you people",
        "why do u",
        "why do yall",
        "why does",
        "why yall",
        "why you",
        "why u",
        "why do they",
        "unless i",
        "dont have to",
        "you dont have to",
        "didnt say",
        "did not say",
        "never said",
        "didnt ask to",
        "did not ask to",
        "didnt ask you to",
        "did not ask you to",
        "never asked to",
        "never asked you to",
        "didnt want to",
        "did not want to",
        "didnt tell you to",
        "did not tell you to",
        "dont need to",
        "no need to",
        "dont you dare",
        "dont you ever",
        "never ever",
        "no way am i",
        "no way im",
        "no way ill",
        "no way would i",
        "i would never",
        "id never",
        "would never",
    ),
    intensifiers=(
        "fucking",
        "fuckin",
        "fking",
        "fkn",
        "freaking",
        "freakin",
        "frickin",
        "fricking",
        "friggin",
        "effing",
        "bloody",
        "damn",
        "goddamn",
        "goddam",
        "flipping",
        "flippin",
        "stupid",
        "annoying",
        "dumb",
        "god damn",
        "the hell",
        "the fuck",
        "tf",
        "hell",
        "frigging",
        "dang",
        "darn",
        "heckin",
        "bleeping",
    ),
)

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
SEND = "text~|txt~|texting|messag~|msg~|send~|sending|contact~|call~|spam~|bother~|email~|writ~"
SEND += "|harass~|hit|blow~|sms|ping~|reach~"

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
    ),
    opt_in=(
        Keyword("START", "Twilio, Telnyx opt-in keyword (compliance.md)"),
        Keyword("UNSTOP", "Twilio, Telnyx opt-in keyword (compliance.md)", S.STRONG),
        Keyword("YES", "Twilio treats YES as opt-in (compliance.md)", S.WORD),
        Keyword("RESUBSCRIBE", "usage: request to be subscribed again", S.STRONG),
        Keyword("SUBSCRIBE", "usage: request to be subscribed", S.WORD),
    ),
    help=(
        Keyword("HELP", "CTIA (compliance.md)"),
        Keyword("INFO", "CTIA (compliance.md)", S.WORD),
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
        Phrase(f"stop {SEND}", "usage: 'stop texting me' states the opt-out directly"),
        Phrase(f"stop all {MSG}", "usage: 'stop all texts'"),
        Phrase(f"stop all? {THIS} $", "usage: 'stop all this'"),
        Phrase(f"dont|do not|no longer want|need {THIS} $", "usage: 'I don't want this'"),
        Phrase(f"no more {THIS} $", "usage: 'no more of this'", 0.9),
        Phrase(f"no more of {THIS}", "usage: 'no more of this'", 0.9),
        Phrase(f"stop with the|these|your|all? {MSG}", "usage: 'stop with the texts'"),
        Phrase(f"stop your|these|the|those|ur {MSG}", "usage: 'stop these messages'"),
        Phrase(
            "stop it|this|that|these|them|now|already|immediately|asap $",
            "usage: a short command to stop, as the end of the message",
        ),
        Phrase("stop it|this|that please|now|already|immediately", "usage: 'stop it now'"),
        Phrase(f"quit {SEND}", "usage: 'quit texting me'"),
        Phrase(f"cease {SEND}|and|all", "usage: 'cease and desist', 'cease texting'"),
        Phrase(
            f"end|cancel|halt|block|terminate all|the|these|this|my|your|those? {MSG}",
            "usage: 'cancel these texts', 'end all messages'",
        ),
        Phrase(
            "cancel|end|terminate my|the|this? text|sms|message|messaging|alert~|mobile"
            " subscription|service|program|list|alerts|plan?",
            "usage: 'cancel my text subscription'",
        ),
        Phrase(
            "remove me|us|myself|this|my|mine number|phone|contact|info|information? ...? $",
            "usage: 'remove me', 'remove my number'",
        ),
        Phrase("remove me|us|myself|my from|off", "usage: 'remove me from your list'"),
        Phrase("remove my|this|the number|phone|cell|contact", "usage: 'remove my number'"),
        Phrase(
            "take|get|put|cross me|us|my|this number? off|out", "usage: 'take me off your list'"
        ),
        Phrase(
            "delete|erase|lose|forget|scratch me|my|this number|contact|info|details?",
            "usage: 'delete my number', 'lose my number'",
        ),
        Phrase("opt me|us out", "usage: 'opt me out'"),
        Phrase("unsubscribe|unsub me|us|myself", "usage: 'unsubscribe me'"),
        Phrase(
            "dont|never|pls|please|do|no|stop|quit text|txt|message|msg|sms|contact|call"
            "|email|bother|spam|write|ping|send|reach me|us|this|my|here|anymore|again"
            "|ever|any",
            "usage: 'don't text me', 'never text this number again'",
        ),
        Phrase(f"do not|not {SEND} me|us|this|my|anymore|again|ever", "usage: 'do not text me'"),
        Phrase(
            "dont|do not|never send me|us|any|anything|more|this", "usage: 'don't send me anything'"
        ),
        Phrase(f"no more {MSG}", "usage: 'no more texts'"),
        Phrase("no more $", "usage: 'no more!' as a whole answer"),
        Phrase(
            f"dont|do not|no longer want|need|wish|like any|these|your|the|this|those|more"
            f"|ur? {MSG}",
            "usage: 'I don't want these texts'",
        ),
        Phrase(
            "dont|do not|no longer want|wish|like to get|receive|be ...? text~|messag~"
            "|msg~|sms|contacted|alerts|updates|offers|on",
            "usage: 'I do not want to receive texts', 'don't want to be on your list'",
        ),
        Phrase("not want|wish to receive|get|be contacted", "usage: 'I do not wish to receive'"),
        Phrase("leave me|us alone", "usage: 'leave me alone'"),
        Phrase(
            "wrong number|person|phone|guy|girl|cell|contact|#",
            "usage: the recipient is not the person who consented (issue 3)",
        ),
        Phrase("not the right|correct person|number", "usage: wrong recipient"),
        Phrase("you have|got|texted|reached|texting the wrong", "usage: wrong recipient"),
        Phrase("this is not|isnt|aint * number|phone", "usage: 'this isn't X's number'"),
        Phrase(
            "i|we never signed|subscribed|opted|agreed|asked|consented|gave|registered|joined"
            "|requested",
            "usage: 'I never signed up': no consent (issue 3)",
        ),
        Phrase(
            "i|we didnt|did not|never sign|subscribe|opt|agree|ask|consent|register|give"
            "|join|request",
            "usage: 'I didn't sign up for this'",
        ),
        Phrase("who gave you my number", "usage: disputes consent"),
        Phrase(
            "how|where do|can|would|should i|we unsubscribe|stop|opt|cancel|get off|get out"
            "|get removed|remove|end|quit",
            "usage: asking how to opt out is a request to opt out (FCC: any reasonable means)",
        ),
        Phrase(
            "i|we|id want|wanna|would|wish|need|like|want to|am trying|trying|am asking|asked"
            " ...? unsubscribe|unsub|opt|out|stop|cancel|quit|end|removed|remove|off",
            "usage: 'I want to unsubscribe', 'I would like to opt out'",
        ),
        Phrase("i|we want|wanna out", "usage: 'I want out'"),
        Phrase("count|leave me out", "usage: 'count me out'"),
        Phrase(
            "off|out of your|the|this|ur list|lists|database|system|mailing",
            "usage: '(get me) off your list'",
        ),
        Phrase(
            "revoke|withdraw|rescind|cancel my? consent|permission|authorization|opt",
            "usage: revoking consent in those words",
        ),
        Phrase("i|we revoke|withdraw", "usage: 'I revoke'"),
        Phrase("i|we dont|do not consent|agree", "usage: 'I do not consent'"),
        Phrase("no consent", "usage: 'no consent'"),
        Phrase("this is|its|thats spam|harassment", "usage: reporting the texts as spam"),
        Phrase("stop spamming|harassing|bothering|pestering|texting", "usage: 'stop spamming'"),
        Phrase("reported|reporting|report you|this|as spam|to", "usage: threatening a complaint"),
        Phrase("unsubscribe|unsub~", "usage: unsubscribe anywhere"),
        Phrase(
            "please|pls|plz|kindly|ok|okay|just|now|so|and|can|could|will|would stop",
            "usage: 'please stop'",
        ),
        Phrase("can|could|would|will you|u please|pls|plz? stop", "usage: 'can you stop'"),
        Phrase("i said|told you|asked|already stop", "usage: 'I said stop'"),
        Phrase("stop already|again|now", "usage: 'stop already'"),
        Phrase("no|nope|nah stop|quit|end|cancel|unsubscribe", "usage: 'no, stop'"),
        Phrase("not interested stop|unsubscribe|remove", "usage: 'not interested, stop'"),
        Phrase("lose|delete this|my number", "usage: 'lose this number'"),
        Phrase("i|we dont|do not|never know you|u", "usage: wrong recipient"),
        Phrase("who is|whos|who the hell is|who tf is this stop|unsubscribe|remove", "usage"),
        Phrase("sign|signed me|us out|off", "usage: 'sign me out'"),
        Phrase("cancel|stop|end subscription|membership texts|messages|sms", "usage"),
        Phrase("block|blocking|blocked you|u|this|ur|your number", "usage: 'blocking this number'"),
        Phrase("stop sending", "usage: 'stop sending'"),
        Phrase(
            "enough with|of the|these|your? text~|messag~|msg~|spam",
            "usage: 'enough with the texts'",
        ),
        Phrase(
            "too many text~|messag~|msg~", "usage: complaint about volume with intent to stop", 0.85
        ),
    ),
    review_phrases=(
        Phrase(
            "not interested|intrested|interested",
            "usage: declines an offer; may or may not revoke consent to texts",
            0.6,
        ),
        Phrase("no thanks|thank|thx|thankyou $", "usage: declining an offer", 0.4),
        Phrase(
            "who is this|whos this|who dis|who are you|who r u $",
            "usage: recipient does not know the sender",
            0.4,
        ),
        Phrase("why are|r you|u texting|messaging me", "usage: questions the texts", 0.6),
        Phrase("how did you get my number", "usage: questions consent", 0.6),
        Phrase(
            "cancel my|the account|subscription|membership|service|plan",
            "usage: cancelling a service is not clearly cancelling the texts",
            0.55,
        ),
        Phrase("cancel it|that|this $", "usage: object unclear", 0.55),
        Phrase("go away", "usage: may mean stop texting", 0.65),
        Phrase("fuck off|piss off|f off|fuck you", "usage: hostile, likely wants no contact", 0.7),
        Phrase(
            "wont|doesnt|will not|does not stop text~|messag~",
            "usage: complains texts continue",
            0.7,
        ),
    ),
    benign=(
        Phrase(
            "bus|train|next|last|first|pit|truck|rest|one|final|subway|tram|metro|photo"
            "|whistle|full|non|short|quick|tour|brief|a|my|your|his|her|our|their|each|every"
            "|another|the|nonstop|second|third|2nd|3rd|1st|every|each|bus stop",
            "usage: 'stop' as a noun (a place or a halt)",
        ),
        Phrase(
            "stop by|in|over|sign~|light~|loss|watch|gap|motion|at|into|on|off|for|and go"
            "|and shop|n shop|smoking|drinking|worrying|laughing|crying|thinking|eating"
            "|working|playing|running|bleeding|the bleeding|the pain|the car|the music"
            "|breathing|talking|trying|being|doing|complaining|checking|counting|midway",
            "usage: 'stop by', 'stop at the store', 'stop smoking'",
        ),
        Phrase(
            "stop the|this|that|my|our|his|her|their|a *? bill|war|violence|madness|tax~"
            "|car|bus|clock|leak|bleeding|order|payment|check|cheque|deal|project|train"
            "|game|project|fight|steal|plan|process|show|pain|noise|construction|merger"
            "|law|policy|proposal|transfer|delivery|shipment|subscription|service|auto~"
            "|charges|charge",
            "usage: 'we have got to STOP this bill' (compliance.md peers' false opt-out)",
        ),
        Phrase(
            "cant|can not|cannot|couldnt|could not|wont stop laughing|thinking|smiling"
            "|eating|crying|talking|watching|listening|playing|buying|shopping|looking",
            "usage: 'can't stop laughing'",
        ),
        Phrase(
            "cancel|cancelled|canceled|cancelling|canceling|cancellation|reschedule my|the"
            "|our|your|this|that|his|her|an|a|tomorrows|todays|next? appointment~|appt~|order~"
            "|reservation~|booking~|meeting~|visit~|flight~|delivery|deliveries|class~"
            "|session~|payment~|card|ride|trip|table|consult~|procedure|surgery|lesson~"
            "|pickup|pick up|request|call|interview|event|party|tour|check|cheque|transfer"
            "|shipment|item|purchase|tickets|ticket|hotel|room|lunch|dinner|date",
            "usage: 'cancel my appointment' is about the appointment, not the texts",
        ),
        Phrase(
            "end of|end date|end time|the end|dead end|front end|back end|high end|low end"
            "|end up|ends up|ended up|end result|end user|end game|weekend|ends today"
            "|ends tonight|ends soon|ends tomorrow|ends on|ends at|rear end|tail end",
            "usage: 'the end of the month'",
        ),
        Phrase(
            "at|in|by|before|till|until|near|to|from|toward|towards the end",
            "usage: 'at the end of'",
        ),
        Phrase(
            "quit my|his|her|their|your|the job|smoking|drinking|vaping|work|team|gym|school"
            "|college",
            "usage: 'I quit my job'",
        ),
        Phrase(
            "remove the|an|a|this|that|my|his|her item|items|stain|charge|fee|card|lock"
            "|tag|cast|stitches|tooth|wisdom|braces|snow|tree|filling",
            "usage: 'remove the charge'",
        ),
        Phrase(
            "reply|text|txt|send|msg|respond stop|end|cancel|quit|unsubscribe|help|start"
            "|stop2quit|optout to|for ...",
            "usage: echoing the program's own opt-out instructions",
        ),
        Phrase(
            "help me with|find|get|understand|choose|pick|book|schedule|reschedule|pay|fix|track"
            "|reset|change|update|log|sign in|figure",
            "usage: asking for help with something else",
        ),
        Phrase(
            "start date|time|at|on|tomorrow|today|monday|tuesday|wednesday|thursday|friday"
            "|saturday|sunday|next|the|my|a|over",
            "usage: 'start date', 'start tomorrow'",
        ),
        Phrase(
            "yes i|we|please|that|it|thats|its|sir|maam|confirm~|ill|i will|we will|will"
            "|can|correct|sure|definitely|absolutely",
            "usage: 'yes' answering a question, not asking to subscribe",
        ),
    ),
    negations=(
        "dont",
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
        "if you",
        "if i",
        "unless i",
        "dont have to",
        "you dont have to",
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
        "f",
    ),
)

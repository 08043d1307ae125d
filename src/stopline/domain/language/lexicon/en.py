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
# Messaging words only (not "deal", "call", "update"): the object of formal wording
# ("cease all text messages") and of a list a number is taken off.
TEXTS = (
    "text~|txt~|sms|message~|messaging|msg~|alert~|notification~|reminder~|marketing|promo~"
    "|newsletter~|robotext~|spam~|communication~|solicitation~"
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
    "|schedule|rota|roster|lineup|carpool|car pool|reservation|reservations|booking|bookings"
    "|appointment|appointments|appt|session|sessions|lesson|lessons|course|event|party|rsvp"
    "|guest list|game|match|tournament|race|trip|tour|flight|ride|order|cart|tab|photo"
    "|picture|pic|meeting|bus|van|shuttle|route|raffle|drawing|draft|auction|ballot|tee time"
    "|court|rotation|potluck|airport|station|school|work|office|hotel|gym|practice|daycare"
    "|hospital|clinic|misery|bed|jail"
)

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
        Keyword("DISCONTINUE", "usage: formal request to stop", S.WORD),
        Keyword("DESIST", "usage: formal request to stop ('cease and desist')", S.WORD),
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
            "|my contact|my info|my information|my details) $",
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
            f"(dont|do not|never|pls dont|please dont|please do not|no|quit|dont ever|do not ever"
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
            f"(dont|do not|no longer|never) (want|need|wish for|like|care for) (any more|anymore"
            f"|any|these|your|the|this|those|ur|all|more|such|those|no more)? ({MSG})",
            "usage: 'I don't want these texts'",
        ),
        Phrase(
            f"(dont|do not|no longer|never) (want|need|wish|like) (to get|to receive|to be"
            f"|getting|receiving) ... ({MSG}|contacted|texted|messaged|on)",
            "usage: 'I do not want to receive texts'",
        ),
        Phrase(f"(dont|do not|no longer) (want|need) ({THIS}) $", "usage: 'I don't want this'"),
        Phrase(f"no more ({MSG})", "usage: 'no more texts'"),
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
        Phrase("you have|got|texted|reached|texting|messaged the wrong", "usage: wrong recipient"),
        Phrase(
            "(this is not|this isnt|this aint|this number is not|this number isnt|is not|isnt)"
            " * anymore|number|phone|cell",
            "usage: 'this isn't X's number'",
        ),
        Phrase("(no longer|not) in service for", "usage: the consenting person is gone"),
        Phrase("(got|have|has) a new number", "usage: reassigned number", 0.85),
        Phrase(
            "i|we (never|didnt|did not|have never|havent|no longer) (signed|sign|subscribed"
            "|subscribe|opted|opt|agreed|agree|consented|consent|gave|give|registered"
            "|register|joined|join|requested|request)",
            "usage: 'I never signed up', 'I no longer consent': no consent",
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
            f"|account|sale|sales|daily|weekly) ({TEXTS})",
            "usage: 'stop (the) delivery texts', 'stop payment reminders' (not 'stop payment')",
        ),
        Phrase(
            "cancel|end|stop|halt|cease|discontinue my|the|these|those|your|ur|all|any *"
            f" ({TEXTS})",
            "usage: 'cancel my insurance texts', 'cancel my policy alerts' (a kind of text)",
        ),
        Phrase(
            "remove|delete|take|drop|get (my son|my daughter|my kid|my kids|my child|my children"
            "|my husband|my wife|my mom|my dad|him|her|them) off|from (the|your|these|those|all"
            f"|ur)? *? ({TEXTS}|list|lists|mailing list)",
            "usage: 'remove my son from the practice reminders' (someone else's number)",
        ),
    ),
    review_phrases=(
        Phrase(
            "(not interested|not intrested|no interest)",
            "usage: declines an offer; may or may not revoke consent to texts",
            0.6,
        ),
        Phrase("no thanks|thank|thx|thankyou $", "usage: declining an offer", 0.3),
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
        Phrase("(im|i am) done", "usage: may mean stop texting", 0.5),
        Phrase(
            "(what happens|what if|if|should) (i|we) (reply|text|send|say|type) (stop|end|cancel"
            "|quit|unsubscribe)",
            "usage: asks about stopping; may mean to stop",
            0.5,
        ),
        Phrase("dnc|dnt $", "usage: 'DNC' (do not contact) as the whole reply", 0.6),
        Phrase("unfollow|unfollowing $", "usage: 'unfollow' as the whole reply", 0.6),
    ),
    benign=(
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
            "|car|bus|clock|leak|bleeding|order|payment|check|cheque|deal|project|train"
            "|game|fight|steal|plan|process|show|pain|noise|construction|merger|law|policy"
            "|proposal|transfer|delivery|shipment|auto~|charges|charge|refill~|medication"
            "|prescription|water|gas|power|card)",
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
            " (my|the|our|your|this|that|his|her|an|a|tomorrows|todays|next)? *?"
            " (appointment~|appt~|order~|reservation~|booking~|meeting~|visit~|flight~"
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
            "unsub~ (me|us)? from (the|your|ur|my|all)? (emails|email|e mails|e mail|mails"
            "|newsletter~|mailing list) (only|but keep|but still|but i still|but not|and keep"
            "|keep|but leave|not texts|not the texts)",
            "usage: 'unsubscribe from email only, keep texts'",
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

"""Amharic (Ge'ez script)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

MSG = "መልእክት~|መልዕክት~|መልክት~|ኤስኤምኤስ|sms|ማስታወቂያ~|ሜሴጅ~|ቴክስት~"
SEND = "አትላኩ~|አትላክ~|አትላኪ~"

LEXICON = Lexicon(
    language="am",
    name="Amharic",
    opt_out=(
        Keyword("አቁም", "usage: 'stop' (to a man)"),
        Keyword("አቁሚ", "usage: 'stop' (to a woman)"),
        Keyword("አቁሙ", "usage: 'stop' (plural, polite)"),
        Keyword("ይቁም", "usage: 'let it stop'"),
        Keyword("ይበቃል", "usage: 'enough'", S.WORD),
        Keyword("ስቶፕ", "usage: 'stop' in Ge'ez letters"),
    ),
    help=(Keyword("እርዳታ", "usage: 'help'"),),
    courtesy=("እባክህ", "እባክሽ", "እባካችሁ", "እባክዎ", "እባክዎን", "አመሰግናለሁ", "አሁን", "ከእንግዲህ"),
    opt_out_phrases=(
        Phrase(
            "ከዝርዝሩ|ከዝርዝር|ከሊስቱ (አስወግዱኝ|አውጡኝ|ሰርዙኝ|ያስወግዱኝ)",
            "usage: 'ከዝርዝሩ አስወግዱኝ' (take me off the list)",
        ),
        Phrase(
            f"({MSG}|መላክ|መላኩን) ... (አቁሙ|አቁም|አቁሚ|ያቁሙ|አቋርጡ|ይቁም)",
            "usage: 'መልእክት መላክ አቁሙ' (stop sending messages)",
        ),
        Phrase(
            "አትላኩልኝ|አትላክልኝ|አትላኪልኝ|አትላኩልን|አትላኩብኝ",
            "usage: 'መልእክት አትላኩልኝ' (don't send me messages)",
        ),
        Phrase(f"({MSG}) ... ({SEND})", "usage: 'መልእክት አትላኩ' (don't send messages)"),
        Phrase(f"({MSG}) ... (አልፈልግም|አንፈልግም)", "usage: 'መልእክት አልፈልግም' (I don't want)"),
        Phrase(
            "(ቁጥሬን|እኔን|ስሜን) ... (አስወግዱ~|ሰርዙ~|አጥፉ~|ያስወግዱ~|ይሰርዙ~)",
            "usage: 'ቁጥሬን ሰርዙ' (delete my number)",
        ),
        Phrase("(የተሳሳተ ቁጥር|የተሳሳተ ስልክ)", "usage: wrong number"),
    ),
    review_phrases=(Phrase("ፍላጎት የለኝም", "usage: 'not interested'", 0.6),),
)

"""French (mandatory in Canada: ARRÊT)."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

CANADA = "Canadian carriers (CTIA/CWTA): mandatory French keyword (compliance.md)"
MSG = "message~|texto~|sms|textos|pub~|publicite~|promo~|courriel~|notification~|alerte~|spam~"
MSG += "|offre~|appel~"
SEND = "m'envoyer|envoyer|texter|m'ecrire|ecrire|contacter|m'appeler|appeler|deranger|spammer"
SEND += "|harceler|me texter|m ecrire"

LEXICON = Lexicon(
    language="fr",
    name="French",
    opt_out=(
        Keyword("ARRET", CANADA),
        Keyword("ARRÊT", CANADA),
        Keyword("ARRETER", "usage: 'to stop'", S.WORD),
        Keyword("ARRETEZ", "usage: 'stop!'"),
        Keyword("ARRETE", "usage: 'stop!' (familiar)"),
        Keyword("DESABONNER", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DESABONNEMENT", "usage: 'unsubscription'", S.STRONG),
        Keyword("DESINSCRIRE", "usage: 'unregister'", S.STRONG),
        Keyword("DESINSCRIPTION", "usage: 'unregistration'", S.STRONG),
        Keyword("ANNULER", "usage: 'cancel'", S.WORD),
        Keyword("FIN", "usage: 'end'", S.WORD),
        Keyword("STOP SVP", "usage: 'stop please'"),
        Keyword("ASSEZ", "usage: 'enough'", S.WORD),
    ),
    opt_in=(
        Keyword("DEBUT", "usage: 'start' (Canadian bilingual programs)", S.WORD),
        Keyword("ABONNER", "usage: 'subscribe'", S.WORD, True),
    ),
    help=(Keyword("AIDE", "Canadian carriers: French HELP (compliance.md)"),),
    courtesy=(
        "svp",
        "stp",
        "s'il",
        "vous",
        "plait",
        "te",
        "merci",
        "beaucoup",
        "maintenant",
        "ok",
        "d'accord",
        "bonjour",
        "allo",
        "tout",
        "de",
        "suite",
        "immediatement",
        "oui",
        "non",
        "monsieur",
        "madame",
        "je",
        "vous",
        "prie",
    ),
    opt_out_phrases=(
        # -- thirteenth independent test (2026-12-05): refusing to be subscribed again, with
        # a word between the negation and the verb (read as opt-ins until then)
        Phrase(
            "ne|n veux|voulons|souhaite|souhaitons|voudrais pas|plus|jamais (me|nous|m)?"
            " reabonner|reinscrire|reabonne|reinscris|reabonnez|reinscrivez $",
            "usage: 'je ne veux plus me réabonner'",
        ),
        Phrase(
            "^ je|j veux|voulons plus (me|nous|m)? reabonner|reinscrire|reabonne|reinscris"
            "|reabonnez|reinscrivez $",
            "usage: 'je veux plus me réabonner' (spoken French, without 'ne')",
        ),
        Phrase(
            "^ surtout|ne (ne)? (pas|plus|jamais) (me|nous|m)? reabonner|reinscrire"
            "|reabonne|reinscris|reabonnez|reinscrivez $",
            "usage: 'surtout ne pas me réabonner'",
        ),
        Phrase(
            "^ ne me|m|nous reabonner|reinscrire|reabonne|reinscris"
            "|reabonnez|reinscrivez (pas|plus|jamais) (plus|jamais)? $",
            "usage: 'ne me réabonnez pas'",
        ),
        Phrase(
            f"arretez|arrete|arreter|cessez|cesser|stop de? ({SEND}|m'envoyer)",
            "usage: 'arrêtez de m'envoyer des messages'",
        ),
        Phrase(
            "ne|n (m'envoyez|m'envoie|m'envoyer|m'ecrivez|m'ecris|me contactez|me textez"
            "|m'appelez) plus|pas",
            "usage: 'ne m'envoyez plus de messages'",
        ),
        Phrase(
            f"je ne veux|souhaite|desire plus|pas ... ({MSG}|recevoir|etre)",
            "usage: 'je ne veux plus recevoir de messages'",
        ),
        Phrase(f"plus de ({MSG})", "usage: 'plus de messages'"),
        Phrase(f"pas de ({MSG}) $", "usage: 'pas de messages svp'"),
        Phrase(
            "desabonnez|desabonne|desinscrivez|desinscris|retirez|enlevez|supprimez|effacez"
            "|rayez moi|mon|nous|m",
            "usage: 'désabonnez-moi', 'retirez-moi de la liste'",
        ),
        Phrase(
            "retirez|enlevez|supprimez|effacez|rayez|retirer|enlever|supprimer|effacer|rayer"
            " (mon numero|mes coordonnees|mon contact)",
            "usage: 'retirez mon numéro', 'merci de supprimer mon numéro'",
        ),
        Phrase("mauvais|faux numero|destinataire", "usage: wrong number"),
        Phrase("vous vous etes trompe|trompes de numero", "usage: wrong number"),
        Phrase("je ne me suis jamais inscrit|inscrite|abonne|abonnee", "usage: never signed up"),
        Phrase("je n'ai jamais|pas accepte|demande|consenti|donne", "usage: never consented"),
        Phrase("laissez|laisse moi|nous (tranquille|tranquilles|en paix)", "usage: leave me alone"),
        Phrase("desabonn~|desinscri~", "usage: unsubscribe anywhere"),
        Phrase(
            "annuler|annulez|annule mon|l|les? abonnement|inscription|messages|sms|textos",
            "usage: cancel the subscription",
        ),
        Phrase("stop|arret|arretez svp|merci|stp", "usage: 'stop svp'"),
        Phrase("je ne suis pas (la bonne personne|cette personne)", "usage: wrong recipient"),
        Phrase(
            "retirer|supprimer|enlever|effacer|rayer|desinscrire|desabonner de|des (votre|vos"
            "|la|ta|cette|leur|ces)? liste|listes|fichier|fichiers|base|contacts|repertoire",
            "usage: 'merci de me retirer de votre liste'",
        ),
        Phrase(
            "revoqu~|revocation|retire|retirer|retirez|retrait|annule|annuler (de|du)? (mon|le"
            "|tout|votre|l)? consentement~",
            "usage: 'je retire mon consentement'",
        ),
        Phrase(
            "ne plus (m|me|nous)? (envoyer|ecrire|contacter|texter|appeler|relancer|solliciter)",
            "usage: 'merci de ne plus m'envoyer de messages'",
        ),
        Phrase("ne plus (rien)? recevoir $", "usage: 'ne plus recevoir' (receive no more)"),
        Phrase(
            f"ne plus (rien)? recevoir (de|d|les|vos|ces|aucun|aucune|des|tes|votre|ce|cette)?"
            f" ({MSG}|envois|newsletter~|infolettre~|lettre~|informations|nouvelles)",
            "usage: 'ne plus recevoir de SMS', 'pour ne plus recevoir vos offres'",
        ),
        Phrase(
            f"({MSG}|envois) (doivent|doit|vont|devraient|peuvent) (s)? (arreter|cesser)",
            "usage: 'vos SMS doivent s'arrêter'",
        ),
    ),
    review_phrases=(
        Phrase("pas interesse|interessee|intéressé", "usage: declines an offer", 0.6),
        Phrase("(ca ne m'interesse pas|non merci)", "usage: declines", 0.5),
        Phrase("(qui est ce|qui etes vous|c'est qui)", "usage: does not know the sender", 0.4),
        Phrase(
            "vous|tu|ils n arretez|arretes|arrete|arretent pas|jamais de (m|me|nous|envoyer"
            "|texter|ecrire|spammer)",
            "usage: 'vous n'arrêtez pas de m'envoyer...' complains the texts continue",
            0.7,
        ),
    ),
    benign=(
        Phrase(
            "arrete|arretez|arretes de me|nous faire rire|peur|pleurer|marrer",
            "usage: 'Arrête de me faire rire' (a joke, not the texts)",
        ),
        Phrase(
            "recevoir (de|d|les|la|le|mes|vos|ma|mon|des|ces)? (facture|factures|releve|releves"
            "|courrier|courriers|colis|catalogue|catalogues|papier|papiers|cheque|cheques)",
            "usage: 'ne plus recevoir la facture papier' (paper post, not the texts)",
        ),
        Phrase(
            "arrete|arretez|arrete (c est|cest|t es|tes|vous etes|tu es|ca)? (trop|tellement|si"
            "|vraiment)? (drole|marrant|genial|mignon|mignonne|bon|beau|belle|fort|incroyable)",
            "usage: a joking 'arrête !' ('Arrête, c'est trop drôle')",
        ),
        Phrase(
            "arret (de bus|d'autobus|du bus|de travail|maladie|cardiaque)",
            "usage: 'arrêt de bus' (bus stop), 'arrêt maladie' (sick leave)",
        ),
        Phrase("un|cet|prochain|dernier|premier arret", "usage: 'arrêt' as a noun"),
        Phrase(
            "annuler|annulez|annule mon|ma|le|la|mes|un|une (rendez vous|rdv|commande"
            "|reservation|vol|livraison|cours|paiement|carte)",
            "usage: cancel an appointment",
        ),
        Phrase("(a la|en) fin", "usage: 'à la fin' (at the end)"),
        Phrase("fin de|du|des|d", "usage: 'fin du mois' (end of the month)"),
        Phrase("ne me desabonnez|desinscrivez pas", "usage: 'don't unsubscribe me'"),
        Phrase(
            "bus|train|metro|tram|car|navette|voiture|pluie|musique|bruit|il|elle|ca|cela|tout"
            "|ou|qui|on|je s arrete|arretent|arreter|arretera|arretait",
            "usage: 'le bus s'arrête' (halts; 'vos SMS doivent s'arrêter' stays an opt-out)",
        ),
        Phrase("liste d attente", "usage: 'liste d'attente' (a waitlist, not the texts)"),
        Phrase(
            "arrete|arretez|arretes|cesse|cessez (de|d) (rire|pleurer|bouger|crier|mentir"
            "|jouer|manger|boire|fumer|courir|rever|stresser|bosser|travailler|dormir|rigoler"
            "|te moquer|vous moquer|te plaindre|vous plaindre|faire le|faire la|dire des"
            "|t inquieter|vous inquieter|t en faire|vous en faire|ronfler|tousser|chanter|danser)",
            "usage: 'Arrête de rire lol' (another activity; 'arrête de m'écrire' stays an opt-out)",
        ),
    ),
    keep=(
        Phrase(
            "je (veux|voudrais|souhaite|prefere) (continuer a|toujours) recevoir",
            "usage: 'je veux continuer à recevoir vos messages' (wants to keep them)",
        ),
    ),
    opt_in_phrases=(
        Phrase(
            "recevoir (a nouveau|de nouveau|encore) (les|vos|des|mes)? (sms|messages|textos"
            "|alertes|offres|notifications|promotions)",
            "usage: 'je veux recevoir à nouveau les SMS'",
        ),
        Phrase(
            "recevoir (les|vos|des|mes)? (sms|messages|textos|alertes|offres|notifications"
            "|promotions) (a nouveau|de nouveau)",
            "usage: 'recevoir les messages de nouveau'",
        ),
        Phrase(
            "reabonnez|reabonner|reabonne|reinscrivez|reinscrire|reinscris (moi|nous)?",
            "usage: 'réabonnez-moi'",
        ),
    ),
    negations=("ne", "ne pas", "jamais", "ne jamais", "pas", "il ne faut pas", "n"),
    help_phrases=(
        Phrase(
            "^ qui (est ce|etes vous|est la|m ecrit|c est) $",
            "usage: 'Qui est-ce ?', 'Qui êtes-vous ?' (the whole message: the HELP reply)",
        ),
        Phrase("^ c est qui $", "usage: 'C'est qui ?' (the whole message)"),
    ),
)

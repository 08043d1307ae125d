"""Spanish."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

CTIA = "CTIA/Twilio/AWS Spanish opt-out keyword (compliance.md)"
MSG = "mensaje~|msj~|msg~|texto~|sms|publicidad|promocion~|ofertas|correo~|notificacion~"
MSG += "|alerta~|spam|esto|llamadas|whatsapp~|recordatorio~|informacion|nada"
SEND = "enviar~|enviarme|mandar~|mandarme|escribir~|escribirme|contactar~|contactarme"
SEND += "|llamar~|llamarme|molestar~|molestarme|textear~|textearme"

LEXICON = Lexicon(
    language="es",
    name="Spanish",
    opt_out=(
        Keyword("ALTO", CTIA, S.WORD),
        Keyword("PARAR", CTIA, S.WORD),
        Keyword("BAJA", CTIA, S.WORD),
        Keyword("CANCELAR", "usage: 'cancel', listed by Spanish-language programs", S.WORD),
        Keyword("DETENER", "usage: 'to stop'", S.WORD),
        Keyword("BASTA", "usage: 'enough'", S.WORD),
        Keyword("PARA", "usage: imperative 'stop!' (also the preposition 'for')", S.WORD, True),
        Keyword("DESUSCRIBIR", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DESUSCRIBIRME", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("DESUSCRIBIRSE", "usage: 'to unsubscribe'", S.STRONG),
        Keyword("DARME DE BAJA", "usage: 'take me off (the list)'", S.STRONG),
        Keyword("DAR DE BAJA", "usage: 'unsubscribe'", S.STRONG),
        Keyword("DE BAJA", "usage: 'unsubscribe'", S.STRONG),
        Keyword("NO MAS", "usage: 'no more'"),
        Keyword("SUFICIENTE", "usage: 'enough'", S.WORD),
    ),
    opt_in=(
        Keyword("ALTA", "usage: 'sign me up' (opposite of BAJA)", S.WORD, True),
        Keyword("COMENZAR", "usage: 'start'", S.WORD),
        Keyword("EMPEZAR", "usage: 'start'", S.WORD),
        Keyword("INICIAR", "usage: 'start'", S.WORD),
        Keyword("SUSCRIBIR", "usage: 'subscribe'", S.WORD),
        Keyword("SUSCRIBIRME", "usage: 'subscribe me'", S.WORD),
    ),
    help=(
        Keyword("AYUDA", "CTIA practice, Spanish HELP (compliance.md)"),
        Keyword("INFORMACION", "usage: 'information', as INFO", S.WORD),
    ),
    courtesy=(
        "por",
        "favor",
        "porfa",
        "porfavor",
        "xfa",
        "xfavor",
        "gracias",
        "muchas",
        "ya",
        "ahora",
        "inmediatamente",
        "senor",
        "senora",
        "hola",
        "buenas",
        "oiga",
        "si",
        "no",
        "ok",
        "pues",
        "de",
        "una",
        "vez",
        "todo",
        "todos",
    ),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "^ para (ya|porfa|porfavor|por favor|ya por favor)? $",
            "usage: 'Para', 'Para ya': 'stop' as the whole message (PARA inside a sentence is "
            "the preposition 'for': it counts only for Spanish senders)",
        ),
        Phrase(
            "^ no (quiero|queremos|deseo) (estar)? (suscribirme|suscrito|suscrita|inscrito|inscrita"
            "|recibir nada|recibir mas) mas?",
            "usage: 'No quiero suscribirme más', 'No quiero estar suscrito'",
        ),
        Phrase(
            "^ no|nunca (mas)? me|nos vuelvan|vuelvas a suscribir|inscribir"
            "|agregar|anotar|apuntar|escribir|mandar|enviar|contactar (mensajes|sms|nada)? (nunca"
            " mas|mas)? $",
            "usage: 'no me vuelvan a suscribir'",
        ),
        Phrase(
            "^ no|nunca (mas)? me|nos suscriban|suscribas|inscriban|inscribas|anoten"
            "|apunten|agreguen|anadan "
            "(de nuevo|otra vez|nunca mas|mas)? (por favor|porfa|gracias)? $",
            "usage: 'no me suscriban de nuevo' (refusing to be subscribed again)",
        ),
        Phrase(
            "^ no quiero|queremos|deseo volver a suscribirme|inscribirme|apuntarme|registrarme $",
            "usage: 'no quiero volver a suscribirme'",
        ),
        Phrase(f"no mas {MSG}", "usage: 'no más mensajes'"),
        Phrase(
            f"no me|nos ({SEND}|envien|envies|manden|mandes|escriban|escribas|contacten"
            "|llamen|molesten|mande|envie|escriba|textees|texteen) ...",
            "usage: 'no me envíen mensajes'",
        ),
        Phrase(
            f"dejen|deja|dejar|deje|paren|para|pare|parar|terminen|dejad ya? de ({SEND})",
            "usage: 'dejen de enviarme mensajes'",
        ),
        Phrase(
            f"no (quiero|queremos|deseo|necesito) ... ({MSG}|recibir|que me)",
            "usage: 'no quiero recibir mensajes'",
        ),
        Phrase(
            "(darme|dame|denme|den|me doy|quiero darme|deseo darme|dar) de baja",
            "usage: 'darme de baja'",
        ),
        Phrase(
            "quitenme|quitame|quiteme|quitarme|sacame|sacarme|saquenme|saqueme|borrenme"
            "|borrame|borrarme|eliminenme|eliminen|eliminar|retirenme|remuevanme|bajenme|bajame"
            "|bajarme|bajeme|sacanme|quitame",
            "usage: 'quítenme de la lista'",
        ),
        Phrase("numero equivocado|incorrecto|errado", "usage: wrong number"),
        Phrase("(se equivocaron|equivocado) de numero", "usage: wrong number"),
        Phrase("nunca me suscribi|inscribi|registre|apunte", "usage: never signed up"),
        Phrase("yo no me suscribi|inscribi|registre|apunte", "usage: never signed up"),
        Phrase(
            "cancelar|cancelen|cancela|cancele|anular la|mi|mis|los|las? suscripcion|mensajes"
            "|sms|textos|alertas|notificaciones",
            "usage: 'cancelar suscripción'",
        ),
        Phrase(f"basta ya? de|con {MSG}", "usage: 'basta (ya) de mensajes'"),
        Phrase("dejenme|dejame en paz", "usage: 'leave me alone'"),
        Phrase("(de baja|desuscrib~|desinscrib~)", "usage: unsubscribe anywhere"),
        Phrase(
            "ya no quiero|deseo|necesito -(la|el|un|una|ese|esa|este|esta|mi|ir|venir)",
            "usage: 'I no longer want' (not 'ya no necesito la cita': an appointment)",
            0.9,
        ),
        Phrase("(por favor|porfavor|porfa) para|paren|alto|basta", "usage: 'por favor paren'"),
        Phrase(
            f"no ({SEND}|envien|manden|escriban|contacten|llamen) mas? ({MSG})",
            "usage: 'favor de no enviar más mensajes'",
        ),
        Phrase(
            "cancelar|cancelen|cancele|cancela|detener|detengan|suspender|suspendan|parar el|la?"
            f" (envio|recepcion) (de|del)? ({MSG})",
            "usage: 'cancelar el envío de mensajes'",
        ),
        Phrase(
            "revoc~|retiro|retirar (mi|el|todo|cualquier)? consentimiento",
            "usage: 'revoco mi consentimiento'",
        ),
    ),
    review_phrases=(
        Phrase(
            "(no me interesa|no estoy interesado|no estoy interesada|no gracias)",
            "usage: declines",
            0.6,
        ),
        Phrase("quien es|eres|habla", "usage: does not know the sender", 0.4),
    ),
    benign=(
        Phrase(
            "cancelar|cancele|cancela mi|la|el|una|un cita|pedido|orden|reservacion|reserva"
            "|vuelo|entrega|clase|pago|tarjeta",
            "usage: cancelling an appointment or order",
        ),
        Phrase(
            "alto|alta|altos|altas|baja|bajo precio|nivel|volumen|riesgo|calidad",
            "usage: adjectives 'high'/'low'",
        ),
        Phrase("muy|mas|tan|demasiado|precio alto|baja", "usage: 'muy alto' (very high)"),
        Phrase(
            "para que|quien|mi|el|la|los|las|ti|usted|mañana|hoy|cuando|mas|eso|esto|mi",
            "usage: 'para' as the preposition 'for'",
        ),
        Phrase(
            "no (quiero|queremos|deseo|quisiera)? que? me|nos (den|des|de|dan) de baja",
            "usage: 'no quiero que me den de baja' (do not unsubscribe me)",
        ),
        Phrase(f"por que no ({SEND}) ...", "usage: '¿por qué no enviar...?' asks, not refuses"),
    ),
    keep=(
        Phrase(
            "(quiero|deseo|prefiero) (seguir|continuar) recibiendo|recibir",
            "usage: 'quiero seguir recibiendo sus mensajes' (wants to keep them)",
        ),
    ),
    opt_in_phrases=(
        Phrase(
            "(volver|vuelvo) a recibir (los|sus|mis|tus)? (mensajes|msjs|sms|textos|alertas"
            "|ofertas|promociones|notificaciones)",
            "usage: 'quiero volver a recibir mensajes'",
        ),
        Phrase(
            "(vuelvan|vuelve) a (enviarme|mandarme) (mensajes|sms|textos|alertas|ofertas"
            "|promociones|notificaciones)",
            "usage: 'vuelvan a enviarme mensajes' (not 'vuelvan a enviarme el código', a resend)",
        ),
        Phrase(
            "(suscribirme|suscribeme|suscribanme|inscribirme|registrarme|suscribir) (de nuevo"
            "|otra vez|nuevamente)",
            "usage: 'suscribirme de nuevo'",
        ),
        Phrase("(resuscribirme|resuscribir|re suscribirme)", "usage: 'resubscribe me'"),
    ),
    # "não": Portuguese "Não pare de mandar" meets the Spanish "pare de mandar"
    negations=("no", "nunca", "no quiero", "no me quiero", "no deseo", "não"),
    help_phrases=(
        Phrase(
            "^ quien|quienes (es|eres|son|habla|me escribe|me manda mensajes|me esta escribiendo)"
            " (usted|ustedes)? $",
            "usage: '¿Quién es?', '¿Quién me escribe?' (the whole message: the HELP reply)",
        ),
        Phrase("^ que es esto $", "usage: '¿Qué es esto?' (the whole message)"),
    ),
)

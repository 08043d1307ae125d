"""Portuguese."""

from __future__ import annotations

from stopline.domain.language.lexicon.entry import Keyword, Lexicon, Phrase
from stopline.domain.language.lexicon.entry import Strength as S

AWS = "AWS Portuguese opt-out keyword (compliance.md)"
MSG = "mensage~|msg~|sms|texto~|torpedo~|propaganda~|promoc~|notificac~|alerta~|spam|isso"
MSG += "|ligac~|email~|nada"
SEND = "enviar|mandar|me enviar|me mandar|escrever|me escrever|ligar|me ligar|incomodar"
SEND += "|me incomodar|contatar|me contatar|mandarem|enviarem"

LEXICON = Lexicon(
    language="pt",
    name="Portuguese",
    opt_out=(
        Keyword("SAIR", AWS, S.WORD),
        Keyword("PARAR", AWS, S.WORD),
        Keyword("PARE", "usage: 'stop!'", S.WORD),
        Keyword("CANCELAR", "usage: 'cancel'", S.WORD),
        Keyword("DESCADASTRAR", "usage: 'unsubscribe' (Brazil)", S.STRONG),
        Keyword("DESCADASTRE", "usage: 'unsubscribe me'", S.STRONG),
        Keyword("DESINSCREVER", "usage: 'unsubscribe' (Portugal)", S.STRONG),
        Keyword("CHEGA", "usage: 'enough'", S.WORD),
    ),
    help=(Keyword("AJUDA", "usage: 'help'"),),
    courtesy=(
        "por",
        "favor",
        "pf",
        "pfv",
        "obrigado",
        "obrigada",
        "agora",
        "ja",
        "ok",
        "ola",
        "oi",
        "sim",
        "nao",
        "imediatamente",
        "senhor",
        "senhora",
        "de",
        "vez",
    ),
    opt_out_phrases=(
        # -- fourteenth independent test (2026-12-05)
        Phrase(
            "^ nao (quero|queremos) mais $",
            "usage: 'Não quero mais' as the whole reply: 'I don't want (them) any more'",
        ),
        Phrase("^ para (ja|por favor|pfv|pf)? $", "usage: 'Para!', 'Para já': 'stop' alone"),
        Phrase(
            "^ nao quero|queremos|desejo (me)? inscrever|cadastrar|assinar (me)? (de novo"
            "|novamente|outra vez) $",
            "usage: 'não quero me inscrever de novo'",
        ),
        Phrase(
            "^ nao me|nos inscreva|inscrevam|cadastre|cadastrem|assine|assinem"
            "|adicione|adicionem"
            "|coloque|coloquem (de novo|novamente|outra vez|nunca mais)? (por favor|obrigado"
            "|obrigada)? $",
            "usage: 'não me inscreva de novo' (refusing to be subscribed again)",
        ),
        Phrase(
            f"nao me|nos ({SEND}|envie|envies|enviem|mande|mandem|mandes|escreva|escrevam"
            "|ligue|liguem|incomode|incomodem)",
            "usage: 'não me enviem mensagens'",
        ),
        Phrase(f"nao enviem|envie|mandem|mande mais? ({MSG})", "usage: 'não mandem mensagens'"),
        Phrase(
            f"parem|pare|parar|para|deixem|deixe|deixa|deixar|deixe|chega de ({SEND})",
            "usage: 'parem de enviar', 'deixa de me mandar mensagem'",
        ),
        Phrase(f"nao quero|queremos|desejo ... ({MSG}|receber)", "usage: 'não quero receber'"),
        Phrase(f"chega de|com ({MSG})", "usage: 'chega de mensagens'"),
        Phrase(f"sem mais ({MSG})", "usage: 'sem mais mensagens'"),
        Phrase(
            "me tire|tira|tirem|remova|removam|retire|retirem|exclua|excluam|descadastre|apague"
            "|apaguem|tirar|remover|excluir (da|dessa|desta|de|do|dos)? (lista|listas|cadastro"
            "|contatos|envio~)?",
            "usage: 'me tirem da lista'",
        ),
        Phrase(
            "tire|tirem|remova|removam|exclua|excluam|apague|apaguem (me|meu numero)",
            "usage: 'removam meu número'",
        ),
        Phrase("numero errado|engano|equivocado", "usage: wrong number"),
        Phrase("nunca me cadastrei|inscrevi|registrei", "usage: never signed up"),
        Phrase("eu nao me cadastrei|inscrevi", "usage: never signed up"),
        Phrase("descadastr~|desinscrev~", "usage: unsubscribe anywhere"),
        Phrase(
            "cancelar|cancela|cancelem|cancele a|minha|as? inscricao|assinatura|mensagens|sms",
            "usage: cancel the subscription",
        ),
        Phrase("me deixe|deixem em paz", "usage: leave me alone"),
        Phrase("quero sair", "usage: 'I want out'"),
        Phrase("quero|queria|sair sair? da|dessa|desta lista", "usage: 'leave the list'"),
        Phrase(
            "cancelar|cancela|cancelem|cancele|parar|parem|pare|suspender|suspendam|interromper"
            f" o|os? (recebimento|envio) (de|das|dos|do)? ({MSG})",
            "usage: 'quero cancelar o recebimento de mensagens'",
        ),
        Phrase(
            "revog~|retiro|retirar (meu|o|todo|qualquer)? consentimento",
            "usage: 'revogo meu consentimento'",
        ),
    ),
    review_phrases=(
        Phrase(
            "(nao tenho interesse|nao estou interessado|nao estou interessada|nao obrigado)",
            "usage: declines",
            0.6,
        ),
    ),
    benign=(
        Phrase("sair de|do|da|com|para|agora|hoje|amanha|cedo|tarde", "usage: 'leave' a place"),
        Phrase(
            "cancelar|cancela|cancele meu|minha|o|a consulta|pedido|reserva|agendamento"
            "|compra|voo|entrega|pagamento|cartao",
            "usage: cancel an appointment",
        ),
    ),
    opt_in_phrases=(
        Phrase(
            "voltar a receber (as|os|suas|seus|minhas)? (mensage~|sms|alerta~|promoc~|oferta~"
            "|notificac~|torpedo~)",
            "usage: 'quero voltar a receber mensagens'",
        ),
        Phrase(
            "receber (as|os|suas|seus)? (mensage~|sms|alerta~|promoc~|oferta~|notificac~)"
            " (novamente|de novo|outra vez)",
            "usage: 'quero receber as mensagens de novo'",
        ),
        Phrase(
            "(me inscrever|me cadastrar|me increver|recadastrar|reinscrever|me recadastrar)"
            " (novamente|de novo|outra vez)",
            "usage: 'quero me cadastrar de novo'",
        ),
    ),
    negations=("nao", "nunca", "nao quero"),
    help_phrases=(
        Phrase(
            "^ quem (e|e voce|sao voces|fala|esta falando|me mandou|me mandou isso) $",
            "usage: 'Quem é?', 'Quem é você?' (the whole message: the HELP reply)",
        ),
    ),
)

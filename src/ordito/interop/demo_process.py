"""The Turin demo's process: how the 2nd Strategic Plan was made, from the sources.

The facts come from the plan's own chapter "Il Piano come metodo" (the founding document,
`seed/000_25bf2779a2debb15.txt`) and from `data/torino-plans.md` §3.1: the timeline from January
2004 to the plan in implementation, its three phases, the four thematic commissions and the
transversal group on knowledge, their forums, workshops and consultation days, the Politecnico
conference of 19 November 2005 (over 500 participants) and the two members' assemblies (the
structure presented on 1 February 2006, the plan approved with its first actions in July 2006).

The sources give no date for a forum, workshop or consultation day, no time of day, no day for
the July assembly and no vote counts: those values are invented and flagged, the invented fact
in `Meeting.example_fields` for a real meeting, the whole row `is_example` for an invented one
(decision 0005). Vote counts stay empty. The dates of the three phases follow the periods of the
document's timeline, whose contents match them one to one (mandate and institutional debate in
January–May 2005, public debate in June–December 2005, objectives and actions in 2006).

The meetings in 2027 are invented, so that registration can be tried in the demo.

`demo_process_load` writes through the process's services, by code: loading twice writes
nothing. It runs after the plan (`demo_load`) and the demo's people (`demo_people_reset`).
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from ordito.interop.demo_people import DEMO_PEOPLE, DEMO_PLAN
from ordito.people.services import category_save
from ordito.plans.selectors import plan_get
from ordito.process import selectors, services
from ordito.process.models import CommissionMembership, Meeting, Motion
from ordito.territory.selectors import municipalities_by_code

ROME = ZoneInfo("Europe/Rome")
TORINO = "001272"
# The facts the sources do not give for a real meeting: its day and time, and where it was.
DETAILS_INVENTED = ("starts_at", "ends_at", "municipality")


def rome(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ROME)


def text(it: str, en: str, name: str = "title") -> dict[str, str]:
    return {f"{name}_it": it, f"{name}_en": en}


# Phases: the periods of the document's timeline, and what happened in each.
PHASES = [
    (
        "F0",
        {
            **text("Il bilancio del 1° Piano", "Taking stock of the 1st Plan"),
            **text(
                "Rapporto sul 1° Piano Strategico, schedatura dello stato di avanzamento delle "
                "azioni e incontri pubblici di valutazione e prospettiva.",
                "Report on the 1st Strategic Plan, cataloguing of the progress of its actions, "
                "and public meetings of evaluation and outlook.",
                "description",
            ),
            "starts_on": datetime.date(2004, 1, 1),
            "ends_on": datetime.date(2004, 12, 1),
            "date_precision": "month",
        },
    ),
    (
        "F1",
        {
            **text(
                "Il mandato e il confronto con gli attori politici e istituzionali",
                "The mandate and the debate with political and institutional actors",
            ),
            **text(
                "Avvio dei lavori e definizione della visione del 2° Piano Strategico. "
                "Costituzione delle Commissioni Tematiche. Prima discussione nelle sedi "
                "politiche e istituzionali.",
                "Work starts and the vision of the 2nd Strategic Plan is defined. The thematic "
                "commissions are set up. First discussion in political and institutional venues.",
                "description",
            ),
            "starts_on": datetime.date(2005, 1, 1),
            "ends_on": datetime.date(2005, 5, 1),
            "date_precision": "month",
        },
    ),
    (
        "F2",
        {
            **text(
                "L'allargamento del dibattito in occasioni di confronto pubblico",
                "The debate opened to everyone in public events",
            ),
            **text(
                "Pubblicazione dei volumi preparatori «Scenari per il sistema locale» e «Verso il "
                "secondo piano strategico». Lavori delle Commissioni Tematiche: forum, workshop, "
                "giornate di consultazione e il convegno al Politecnico.",
                "The preparatory volumes “Scenari per il sistema locale” and “Verso il secondo "
                "piano strategico” are published. The thematic commissions at work: forums, "
                "workshops, consultation days and the conference at the Politecnico.",
                "description",
            ),
            "starts_on": datetime.date(2005, 6, 1),
            "ends_on": datetime.date(2005, 12, 1),
            "date_precision": "month",
        },
    ),
    (
        "F3",
        {
            **text(
                "L'identificazione di obiettivi e linee d'azione prioritarie",
                "Choosing the objectives and the priority lines of action",
            ),
            **text(
                "Presentazione all'Assemblea dei Soci (febbraio) della struttura del 2° Piano "
                "Strategico, con aree tematiche, direzioni di intervento e obiettivi. "
                "Presentazione all'Assemblea dei Soci (luglio) delle prime azioni e dei progetti "
                "strategici, con gli obiettivi di lavoro per Torino Internazionale.",
                "The structure of the 2nd Strategic Plan (thematic areas, directions of "
                "intervention, objectives) is presented to the members' assembly in February; "
                "the first actions and strategic projects, with the work objectives of Torino "
                "Internazionale, in July.",
                "description",
            ),
            "starts_on": datetime.date(2006, 1, 1),
            "ends_on": datetime.date(2006, 7, 1),
            "date_precision": "month",
        },
    ),
    (
        "F4",
        {
            **text("L'attuazione", "Implementation"),
            **text(
                "Implementazione delle azioni e dei progetti. Mantenimento del processo di "
                "pianificazione, attraverso il confronto con gli attori e il monitoraggio dei "
                "risultati.",
                "The actions and projects are implemented. The planning process goes on, "
                "through dialogue with the actors and the monitoring of results.",
                "description",
            ),
            "starts_on": datetime.date(2006, 9, 1),
            "ends_on": None,
            "date_precision": "month",
            "is_current": True,
        },
    ),
]

# Commissions: the four thematic ones and the transversal group (founding document), with the
# coordinators the sources name written in their mandate (no account is made for real people).
COMMISSIONS = [
    (
        "TER",
        "TER",
        "thematic",
        text("Commissione Territorio metropolitano", "Metropolitan Territory commission"),
        text(
            "Coordinata da Carlo Alberto Barbieri (Politecnico di Torino), con un piccolo gruppo "
            "scientifico e operativo. Metodo: verifica politica degli obiettivi principali, poi "
            "un'assemblea aperta per ascoltare e coinvolgere gli attori, poi i gruppi di lavoro: "
            "la questione metropolitana; mobilità, infrastrutture e grandi progetti; ambiente e "
            "qualità urbana; le relazioni nazionali, regionali e internazionali.",
            "Coordinated by Carlo Alberto Barbieri (Politecnico di Torino), with a small "
            "scientific and operational group. Method: a political check of the main "
            "objectives, then an open assembly to listen to and involve the actors, then the "
            "working groups: the metropolitan question; mobility, infrastructure and major "
            "projects; environment and urban quality; national, regional and international "
            "relations.",
            "mandate",
        ),
    ),
    (
        "CUL",
        "CUL",
        "thematic",
        text("Commissione Potenziale culturale", "Cultural Potential commission"),
        text(
            "Coordinata da Marco Demarie. La cultura come condizione e risorsa dell'economia "
            "della conoscenza: diversifica l'economia, crea lavoro qualificato, promuove "
            "l'immagine internazionale. Si è riunita in forum plenari e in workshop.",
            "Coordinated by Marco Demarie. Culture as a condition and resource of the knowledge "
            "economy: it diversifies the economy, creates quality jobs and promotes the "
            "international image. It met in plenary forums and workshops.",
            "mandate",
        ),
    ),
    (
        "SOC",
        "SOC",
        "thematic",
        text("Commissione Qualità sociale", "Social Quality commission"),
        text(
            "Coordinata da Nicola Negri. La qualità sociale come ciò che permette alle persone "
            "di combinare funzionamenti di base e complessi; la spesa sociale come "
            "investimento. Oltre ai workshop, ha sperimentato giornate di consultazione con "
            "metodi partecipativi per alcune categorie di attori.",
            "Coordinated by Nicola Negri. Social quality as what lets people combine basic and "
            "complex functionings; social spending as an investment. Besides its workshops, it "
            "tried out participatory consultation days for particular categories of actors.",
            "mandate",
        ),
    ),
    (
        "ECO",
        "ECO",
        "thematic",
        text("Commissione Sviluppo economico", "Economic Development commission"),
        text(
            "Coordinata da Giuseppe Berta e Cristiano Antonelli. Ha promosso il convegno «Una "
            "trasformazione in atto» al Politecnico di Torino, con più di 500 partecipanti, "
            "sulle linee d'intervento economiche del Piano.",
            "Coordinated by Giuseppe Berta and Cristiano Antonelli. It held the conference “Una "
            "trasformazione in atto” at the Politecnico di Torino, with over 500 participants, "
            "on the plan's economic lines of intervention.",
            "mandate",
        ),
    ),
    (
        "CON",
        "CON",
        "transversal",
        text("Gruppo trasversale sulla Conoscenza", "Transversal group on knowledge"),
        text(
            "Il gruppo trasversale sul tema della conoscenza, che insieme alle quattro "
            "commissioni ha esplorato orientamenti e ipotesi. Le fonti non ne nominano il "
            "coordinatore.",
            "The transversal group on knowledge, which explored orientations and hypotheses "
            "together with the four commissions. The sources do not name its coordinator.",
            "mandate",
        ),
    ),
]

# Categories of participants that the Qualità sociale consultation days were for.
CATEGORIES = [
    (
        "periferie",
        text(
            "Rete del Settore Periferie del Comune",
            "The City's district-renewal network",
            "label",
        ),
        20,
    ),
    (
        "politiche-giovanili",
        text("Operatori delle politiche giovanili", "Youth-policy workers", "label"),
        21,
    ),
]
SCHOOL = "school"  # a default category (people/categories.py)


@dataclass(frozen=True)
class DemoMeeting:
    code: str
    kind: str
    title: dict[str, str]
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    description: dict[str, str] = field(default_factory=dict)
    address: str = ""
    commissions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    capacity: int | None = None
    registration: tuple[datetime.datetime, datetime.datetime] | None = None
    participants: int | None = None
    is_internal: bool = False
    is_example: bool = False
    example_fields: tuple[str, ...] = DETAILS_INVENTED
    agenda: dict[str, str] = field(default_factory=dict)


MEETINGS = [
    DemoMeeting(
        "VAL-2004",
        Meeting.Kind.EVALUATION,
        text(
            "Incontro pubblico di valutazione e prospettiva del 1° Piano",
            "Public meeting of evaluation and outlook on the 1st Plan",
        ),
        rome(2004, 10, 14, 17, 0),
        rome(2004, 10, 14, 19, 30),
        text(
            "Uno degli incontri pubblici con cui, nel 2004, il Rapporto sul 1° Piano Strategico "
            "è stato discusso con gli attori.",
            "One of the public meetings at which, in 2004, the Report on the 1st Strategic Plan "
            "was discussed with the actors.",
            "description",
        ),
    ),
    DemoMeeting(
        "IST-2005",
        Meeting.Kind.INSTITUTIONAL,
        text(
            "Prima discussione nelle sedi politiche e istituzionali",
            "First discussion in political and institutional venues",
        ),
        rome(2005, 4, 7, 10, 0),
        rome(2005, 4, 7, 13, 0),
        text(
            "Il confronto con gli attori politici e istituzionali sulla visione e sul mandato "
            "delle commissioni.",
            "The debate with political and institutional actors on the vision and on the "
            "commissions' mandate.",
            "description",
        ),
    ),
    DemoMeeting(
        "TER-FORUM",
        Meeting.Kind.PLENARY,
        text(
            "Assemblea aperta della Commissione Territorio metropolitano",
            "Open assembly of the Metropolitan Territory commission",
        ),
        rome(2005, 6, 20, 15, 0),
        rome(2005, 6, 20, 18, 30),
        text(
            "L'assemblea aperta per ascoltare e coinvolgere gli attori, prima dei gruppi di "
            "lavoro.",
            "The open assembly to listen to and involve the actors, before the working groups.",
            "description",
        ),
        commissions=("TER",),
    ),
    *[
        DemoMeeting(
            f"TER-WS{number}",
            Meeting.Kind.WORKSHOP,
            title,
            rome(2005, 9, 7 * number - 6, 15, 0),
            rome(2005, 9, 7 * number - 6, 18, 0),
            commissions=("TER",),
        )
        for number, title in enumerate(
            [
                text("Workshop: la questione metropolitana", "Workshop: the metropolitan question"),
                text(
                    "Workshop: mobilità, infrastrutture e grandi progetti",
                    "Workshop: mobility, infrastructure and major projects",
                ),
                text(
                    "Workshop: ambiente e qualità urbana",
                    "Workshop: environment and urban quality",
                ),
                text(
                    "Workshop: le relazioni nazionali, regionali e internazionali",
                    "Workshop: national, regional and international relations",
                ),
            ],
            start=1,
        )
    ],
    DemoMeeting(
        "CUL-FORUM",
        Meeting.Kind.PLENARY,
        text(
            "Forum plenario della Commissione Potenziale culturale",
            "Plenary forum of the Cultural Potential commission",
        ),
        rome(2005, 7, 4, 15, 0),
        rome(2005, 7, 4, 18, 0),
        commissions=("CUL",),
    ),
    DemoMeeting(
        "CUL-WS1",
        Meeting.Kind.WORKSHOP,
        text(
            "Workshop: cultura ed economia della conoscenza",
            "Workshop: culture and the knowledge economy",
        ),
        rome(2005, 10, 10, 15, 0),
        rome(2005, 10, 10, 18, 0),
        commissions=("CUL",),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "SOC-WS1",
        Meeting.Kind.WORKSHOP,
        text(
            "Workshop: la spesa sociale come investimento",
            "Workshop: social spending as investment",
        ),
        rome(2005, 10, 17, 15, 0),
        rome(2005, 10, 17, 18, 0),
        commissions=("SOC",),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "SOC-GC1",
        Meeting.Kind.CONSULTATION_DAY,
        text(
            "Giornata di consultazione con la rete del Settore Periferie",
            "Consultation day with the district-renewal network",
        ),
        rome(2005, 10, 22, 9, 30),
        rome(2005, 10, 22, 16, 30),
        text(
            "Una giornata di consultazione con metodi partecipativi per la rete del Settore "
            "Centrale Periferie del Comune di Torino.",
            "A participatory consultation day for the network of the City of Turin's central "
            "district-renewal department.",
            "description",
        ),
        commissions=("SOC",),
        categories=("periferie",),
    ),
    DemoMeeting(
        "SOC-GC2",
        Meeting.Kind.CONSULTATION_DAY,
        text(
            "Giornata di consultazione con gli operatori delle politiche giovanili",
            "Consultation day with youth-policy workers",
        ),
        rome(2005, 10, 29, 9, 30),
        rome(2005, 10, 29, 16, 30),
        commissions=("SOC",),
        categories=("politiche-giovanili",),
    ),
    DemoMeeting(
        "SOC-GC3",
        Meeting.Kind.CONSULTATION_DAY,
        text(
            "Giornata di consultazione con il mondo della scuola",
            "Consultation day with the world of schools",
        ),
        rome(2005, 11, 5, 9, 30),
        rome(2005, 11, 5, 16, 30),
        commissions=("SOC",),
        categories=(SCHOOL,),
    ),
    DemoMeeting(
        "ECO-CONV",
        Meeting.Kind.CONFERENCE,
        text("Una trasformazione in atto", "A transformation under way"),
        rome(2005, 11, 19, 9, 0),
        rome(2005, 11, 19, 13, 0),
        text(
            "Il convegno della Commissione Sviluppo economico nell'Aula Magna del Politecnico: "
            "economisti, banchieri, accademici, politici e imprenditori sulle linee d'intervento "
            "economiche del Piano. Data, luogo e temi vengono dal comunicato del Comune; titolo "
            "e partecipanti dal documento del Piano, che non ne dà la data.",
            "The Economic Development commission's conference in the Aula Magna of the "
            "Politecnico: economists, bankers, academics, politicians and business people on "
            "the plan's economic lines of intervention. Date, place and themes come from the "
            "City's press release; the title and the attendance from the plan's document, which "
            "gives no date.",
            "description",
        ),
        address="Politecnico di Torino, Aula Magna, corso Duca degli Abruzzi 24",
        commissions=("ECO",),
        participants=500,
        example_fields=(),
    ),
    DemoMeeting(
        "ASS-2006-02",
        Meeting.Kind.ASSEMBLY,
        text(
            "Assemblea dei soci: la struttura del Piano", "Members' assembly: the plan's structure"
        ),
        rome(2006, 2, 1, 17, 0),
        rome(2006, 2, 1, 19, 0),
        text(
            "All'Assemblea dei Soci viene presentata la struttura del 2° Piano Strategico: aree "
            "tematiche, direzioni di intervento e obiettivi (allora 4 aree, 11 direzioni, 48 "
            "obiettivi).",
            "The structure of the 2nd Strategic Plan is presented to the members' assembly: "
            "thematic areas, directions of intervention and objectives (then 4 areas, "
            "11 directions, 48 objectives).",
            "description",
        ),
    ),
    DemoMeeting(
        "ASS-2006-07",
        Meeting.Kind.ASSEMBLY,
        text(
            "Assemblea dei soci: approvazione del Piano e prime azioni",
            "Members' assembly: the plan and its first actions approved",
        ),
        rome(2006, 7, 12, 17, 0),
        rome(2006, 7, 12, 19, 0),
        text(
            "L'Assemblea dei Soci approva il 2° Piano Strategico (4 aree e un tema trasversale, "
            "12 direzioni, 54 obiettivi); sono presentate le prime azioni e i progetti "
            "strategici, con gli obiettivi di lavoro di Torino Internazionale.",
            "The members' assembly approves the 2nd Strategic Plan (4 areas and a transversal "
            "theme, 12 directions, 54 objectives); the first actions and strategic projects are "
            "presented, with the work objectives of Torino Internazionale.",
            "description",
        ),
    ),
    # Invented meetings to come, so that registration can be tried.
    DemoMeeting(
        "FUT-FORUM",
        Meeting.Kind.PLENARY,
        text(
            "Forum plenario sul territorio metropolitano",
            "Plenary forum on the metropolitan territory",
        ),
        rome(2027, 2, 15, 17, 30),
        rome(2027, 2, 15, 19, 30),
        address="Torino, via Garibaldi 2",
        commissions=("TER",),
        capacity=80,
        registration=(rome(2026, 11, 15, 9, 0), rome(2027, 2, 14, 23, 59)),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "FUT-CONV",
        Meeting.Kind.CONFERENCE,
        text(
            "Conferenza metropolitana sull'economia della conoscenza",
            "Metropolitan conference on the knowledge economy",
        ),
        rome(2027, 3, 20, 9, 0),
        rome(2027, 3, 20, 13, 0),
        address="Politecnico di Torino, corso Duca degli Abruzzi 24",
        commissions=("ECO", "CON"),
        capacity=400,
        registration=(rome(2026, 12, 1, 9, 0), rome(2027, 3, 18, 23, 59)),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "FUT-GC",
        Meeting.Kind.CONSULTATION_DAY,
        text("Giornata di consultazione con le scuole", "Consultation day with schools"),
        rome(2027, 1, 23, 9, 30),
        rome(2027, 1, 23, 16, 30),
        commissions=("SOC",),
        categories=(SCHOOL,),
        capacity=30,
        registration=(rome(2026, 11, 20, 9, 0), rome(2027, 1, 20, 23, 59)),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "FUT-VAL",
        Meeting.Kind.EVALUATION,
        text(
            "Incontro pubblico di valutazione dell'attuazione",
            "Public meeting on how implementation is going",
        ),
        rome(2027, 4, 10, 10, 0),
        rome(2027, 4, 10, 12, 30),
        is_example=True,
        example_fields=(),
    ),
    DemoMeeting(
        "FUT-INT",
        Meeting.Kind.WORKSHOP,
        text(
            "Riunione interna della Commissione Territorio",
            "Internal meeting of the Territory commission",
        ),
        rome(2027, 1, 12, 17, 0),
        rome(2027, 1, 12, 19, 0),
        address="Torino, via Garibaldi 2",
        commissions=("TER",),
        is_internal=True,
        is_example=True,
        example_fields=(),
    ),
]

CONFERENCE_THEMES = [
    text("Il capitale umano", "Human capital"),
    text("L'eredità olimpica", "The Olympic legacy"),
    text("Il sistema dell'automotive", "The automotive system"),
    text("La filiera della salute", "The health supply chain"),
    text(
        "Le tecnologie dell'informazione e della comunicazione",
        "Information and communication technologies",
    ),
]

# (order, title, is_example): the February motion is invented, since the sources speak of a
# presentation of the structure; the July approval is a fact (its votes are not known).
MOTIONS = {
    "ASS-2006-02": [
        (
            1,
            text(
                "Prendere atto della struttura del 2° Piano Strategico",
                "Take note of the structure of the 2nd Strategic Plan",
            ),
            True,
        ),
    ],
    "ASS-2006-07": [
        (
            1,
            text(
                "Approvare il 2° Piano Strategico con le prime azioni e i progetti strategici",
                "Approve the 2nd Strategic Plan with its first actions and strategic projects",
            ),
            False,
        ),
    ],
}

MILESTONES = [
    (
        "M-2004-RAP",
        "F0",
        "report",
        datetime.date(2004, 1, 1),
        datetime.date(2004, 12, 1),
        "month",
        None,
        text("Rapporto sul 1° Piano Strategico", "Report on the 1st Strategic Plan"),
    ),
    (
        "M-2004-VAL",
        "F0",
        "evaluation",
        datetime.date(2004, 1, 1),
        None,
        "year",
        "VAL-2004",
        text(
            "Incontri pubblici di valutazione e prospettiva",
            "Public meetings of evaluation and outlook",
        ),
    ),
    (
        "M-2005-AVVIO",
        "F1",
        "start",
        datetime.date(2005, 1, 1),
        None,
        "month",
        None,
        text("Avvio dei lavori sul 2° Piano Strategico", "Work on the 2nd Strategic Plan starts"),
    ),
    (
        "M-2005-COMM",
        "F1",
        "event",
        datetime.date(2005, 1, 1),
        datetime.date(2005, 5, 1),
        "month",
        None,
        text("Costituzione delle Commissioni Tematiche", "The thematic commissions are set up"),
    ),
    (
        "M-2005-VOL",
        "F2",
        "publication",
        datetime.date(2005, 6, 1),
        datetime.date(2005, 12, 1),
        "month",
        None,
        text(
            "I volumi «Scenari per il sistema locale» e «Verso il secondo piano strategico»",
            "The volumes “Scenari per il sistema locale” and “Verso il secondo piano strategico”",
        ),
    ),
    (
        "M-2005-CONV",
        "F2",
        "event",
        datetime.date(2005, 11, 19),
        None,
        "day",
        "ECO-CONV",
        text(
            "Il convegno «Una trasformazione in atto» al Politecnico, più di 500 partecipanti",
            "The conference “Una trasformazione in atto” at the Politecnico, over 500 participants",
        ),
    ),
    (
        "M-2006-02",
        "F3",
        "assembly",
        datetime.date(2006, 2, 1),
        None,
        "day",
        "ASS-2006-02",
        text(
            "La struttura del Piano presentata all'Assemblea dei Soci",
            "The plan's structure presented to the members' assembly",
        ),
    ),
    (
        "M-2006-05",
        "F3",
        "publication",
        datetime.date(2006, 5, 1),
        None,
        "month",
        None,
        text(
            "La bozza di direzioni e obiettivi pubblicata sul sito",
            "The draft directions and objectives published on the site",
        ),
    ),
    (
        "M-2006-07",
        "F3",
        "decision",
        datetime.date(2006, 7, 1),
        None,
        "month",
        "ASS-2006-07",
        text(
            "L'Assemblea dei Soci approva il Piano e le prime azioni",
            "The members' assembly approves the plan and its first actions",
        ),
    ),
    (
        "M-2006-09",
        "F4",
        "start",
        datetime.date(2006, 9, 1),
        None,
        "month",
        None,
        text(
            "Inizia l'attuazione delle azioni e dei progetti",
            "Implementation of the actions and projects begins",
        ),
    ),
]

# Who of the demo's invented people (interop/demo_people.py) sits in which commission.
MEMBERS = [
    ("TER", "Luca Bianchi", CommissionMembership.Role.MEMBER),
    ("ECO", "Silvia Marino", CommissionMembership.Role.MEMBER),
    ("CON", "Silvia Marino", CommissionMembership.Role.MEMBER),
    ("SOC", "Anna Rossi", CommissionMembership.Role.MEMBER),
]
DRAFTS = [
    (
        "TER",
        "Bozza di esempio: la questione metropolitana",
        [
            b"Bozza di esempio, versione 1.\nTemi: governo metropolitano, servizi comuni.\n",
            b"Bozza di esempio, versione 2.\nTemi: governo metropolitano, servizi comuni, "
            b"pianificazione territoriale di area vasta.\n",
        ],
    ),
]


@dataclass
class ProcessReport:
    written: int = 0

    def count(self, written: bool) -> None:
        self.written += int(written)


@transaction.atomic
def demo_process_load(*, by: AbstractBaseUser | None = None) -> ProcessReport:
    """Write the process of the demo's 2nd plan; return how many rows were written (0 when it
    was loaded already)."""
    report = ProcessReport()
    plan = plan_get(slug=DEMO_PLAN)
    areas = {area.code: area for area in plan.areas.all()}
    torino = municipalities_by_code([TORINO]).get(TORINO)

    categories = {category.key: category for category in plan.participant_categories.all()}
    for key, label, order in CATEGORIES:
        categories[key], written = category_save(
            by=by, plan=plan, key=key, values={**label, "order": order}
        )
        report.count(written)

    phases = {}
    for code, values in PHASES:
        phases[code], written = services.phase_save(by=by, plan=plan, code=code, values=values)
        report.count(written)

    commissions = {}
    for code, area, kind, title, mandate in COMMISSIONS:
        commissions[code], written = services.commission_save(
            by=by,
            plan=plan,
            code=code,
            values={
                **title,
                **mandate,
                "kind": kind,
                "area": areas.get(area),
                "order": len(commissions),
            },
        )
        report.count(written)

    meetings = {}
    for demo in MEETINGS:
        opens, closes = demo.registration or (None, None)
        values = {
            "code": demo.code,
            "kind": demo.kind,
            **demo.title,
            **(demo.description or text("", "", "description")),
            "starts_at": demo.starts_at,
            "ends_at": demo.ends_at,
            "address": demo.address,
            "municipality": torino,  # every meeting of the demo is in Turin
            "capacity": demo.capacity,
            "registration_opens_at": opens,
            "registration_closes_at": closes,
            "is_internal": demo.is_internal,
            "participants": demo.participants,
            "is_example": demo.is_example,
            "example_fields": list(demo.example_fields),
        }
        meetings[demo.code], written = services.meeting_save(
            by=by,
            plan=plan,
            values=values,
            commissions=[commissions[code] for code in demo.commissions],
            categories=[categories[key] for key in demo.categories if key in categories],
        )
        report.count(written)

    conference = meetings["ECO-CONV"]
    for number, theme in enumerate(CONFERENCE_THEMES):
        start = rome(2005, 11, 19, 9, 30) + datetime.timedelta(minutes=40 * number)
        _session, written = services.session_save(
            by=by,
            meeting=conference,
            values={
                **theme,
                "starts_at": start,
                "ends_at": start + datetime.timedelta(minutes=40),
                "room": "Aula Magna",
                "is_example": True,  # the themes are sourced, the times are not
            },
        )
        report.count(written)

    for code, motions in MOTIONS.items():
        for order, title, is_example in motions:
            motion, written = services.motion_save(
                by=by,
                meeting=meetings[code],
                values={**title, "order": order, "is_example": is_example},
            )
            report.count(written)
            before = (motion.decision, motion.quorum_reached)
            services.motion_result_record(
                by=by,
                motion=motion,
                votes_for=None,
                votes_against=None,
                abstentions=None,
                quorum_reached=None,
                decision=Motion.Decision.APPROVED,
            )
            report.count(before != (motion.decision, motion.quorum_reached))

    for code, phase, kind, happens_on, ends_on, precision, meeting, title in MILESTONES:
        _milestone, written = services.milestone_save(
            by=by,
            plan=plan,
            code=code,
            values={
                **title,
                "phase": phases[phase],
                "kind": kind,
                "happens_on": happens_on,
                "ends_on": ends_on,
                "date_precision": precision,
                "meeting": meetings.get(meeting),
            },
        )
        report.count(written)

    people = {demo.display_name: demo.email for demo in DEMO_PEOPLE}
    users = get_user_model()._default_manager
    for code, name, role in MEMBERS:
        user = users.filter(email__iexact=people[name]).first()
        if user is None:
            continue  # the demo's people are not loaded (tests that load the process alone)
        _membership, written = services.commission_member_set(
            by=by, commission=commissions[code], user=user, role=role
        )
        report.count(written)

    for code, title, versions in DRAFTS:
        commission = commissions[code]
        if selectors.commission_documents(commission=commission).filter(title=title).exists():
            continue
        first, *later = versions
        document = services.document_create(
            by=by, commission=commission, title=title, upload=_text_file(first)
        )
        for content in later:
            services.document_version_add(by=by, document=document, upload=_text_file(content))
        report.count(True)
    return report


def _text_file(content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("bozza.txt", content, content_type="text/plain")

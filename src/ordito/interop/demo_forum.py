"""The demo's forum: a general board and boards for three directions of the 2nd plan, with a few
threads in Italian written by the demo's invented people, all flagged as examples.

Loading it again writes nothing: boards are saved by their key, and a thread that exists (same
board and title) is left as it is, with its posts.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction

from ordito.interop.demo_people import DEMO_PEOPLE, DEMO_PLAN
from ordito.participation.models import Board, Thread
from ordito.participation.services.forum import board_save, post_create, thread_create
from ordito.plans.models import Direction
from ordito.plans.selectors import plan_get


@dataclass(frozen=True, slots=True)
class DemoBoard:
    slug: str
    title_it: str
    title_en: str
    description_it: str
    description_en: str
    direction: str | None = None  # the code of its direction of intervention


@dataclass(frozen=True, slots=True)
class DemoThread:
    board: str
    author: str  # a display name of DEMO_PEOPLE
    title: str
    body: str
    replies: tuple[tuple[str, str, bool], ...] = ()  # author, body, reply to the previous post


BOARDS = (
    DemoBoard(
        "generale",
        "Il Piano e il suo percorso",
        "The plan and its process",
        "Domande e idee sul secondo Piano Strategico, sui forum e sulle giornate di consultazione.",
        "Questions and ideas about the 2nd Strategic Plan, its forums and consultation days.",
    ),
    DemoBoard(
        "mobilita",
        "Accessibilità, trasporti e mobilità",
        "Accessibility, transport and mobility",
        "Il passante, le linee di metropolitana, la rete dei trasporti dell'area metropolitana.",
        "The rail link, the metro lines, the transport network of the metropolitan area.",
        direction="MOB",
    ),
    DemoBoard(
        "ambiente",
        "Ambiente ed energia",
        "Environment and energy",
        "Qualità dell'aria, energia, verde e fiumi.",
        "Air quality, energy, green spaces and rivers.",
        direction="AMB",
    ),
    DemoBoard(
        "formazione",
        "Formazione",
        "Education and training",
        "Scuole, università e formazione continua.",
        "Schools, universities and lifelong learning.",
        direction="FOR",
    ),
)

THREADS = (
    DemoThread(
        "generale",
        "Chiara Gallo",
        "Come partecipare al secondo Piano Strategico",
        "Benvenuti nel forum del Piano. Qui si discute delle **direzioni di intervento** e degli "
        "obiettivi: citate il codice di un obiettivo (per esempio MOB 2) e diventerà un link.\n\n"
        "Le sintesi delle discussioni saranno portate nei forum plenari delle commissioni.",
        replies=(
            (
                "Anna Rossi",
                "Grazie! Ci saranno anche incontri serali per chi lavora di giorno?",
                False,
            ),
            ("Chiara Gallo", "Sì, due giornate di consultazione si terranno di sera.", True),
        ),
    ),
    DemoThread(
        "mobilita",
        "Davide Conti",
        "Il passante ferroviario e le stazioni della prima cintura",
        "Da Moncalieri il treno è comodo solo se le coincidenze funzionano. Potenziare la "
        "reticolarità (MOB 2) vuol dire anche orari cadenzati e parcheggi di interscambio.",
        replies=(
            (
                "Luca Bianchi",
                "Le linee di superficie si stanno riorganizzando attorno alle nuove stazioni: "
                "segnalate qui le coincidenze che non funzionano.",
                False,
            ),
            ("Davide Conti", "La coincidenza delle 7:40 a Lingotto si perde quasi sempre.", True),
        ),
    ),
    DemoThread(
        "mobilita",
        "Laura Hughes",
        "Piste ciclabili tra Torino e i comuni vicini",
        "Vado in bicicletta da Chieri a Torino: mancano tratti sicuri lungo la collina. "
        "Una rete ciclabile metropolitana continua sarebbe un buon obiettivo di mobilità.",
        replies=(("Anna Rossi", "D'accordo, e servono rastrelliere vicino alle stazioni.", False),),
    ),
    DemoThread(
        "ambiente",
        "Anna Rossi",
        "Teleriscaldamento e qualità dell'aria",
        "In inverno l'aria in città è pesante. Estendere il teleriscaldamento ai quartieri "
        "ancora scoperti aiuterebbe più di tanti divieti temporanei.",
        replies=(
            (
                "Silvia Marino",
                "Al Politecnico studiamo reti a bassa temperatura: possiamo portare dati "
                "alla commissione.",
                False,
            ),
        ),
    ),
    DemoThread(
        "formazione",
        "Silvia Marino",
        "Università e imprese: più tirocini per gli studenti",
        "Molti studenti trovano tirocini solo fuori dal Piemonte. Un accordo tra atenei, "
        "imprese e Camera di commercio potrebbe trattenerli.",
        replies=(
            ("Laura Hughes", "Anche per gli studenti stranieri, con tutor in inglese.", False),
        ),
    ),
)


@transaction.atomic
def demo_forum_load() -> int:
    """Load the demo's boards and threads into DEMO_PLAN; return how many threads were added.

    The demo people (`demo_people.demo_people_reset`) must exist first: they write the threads.
    """
    plan = plan_get(slug=DEMO_PLAN)
    codes = [board.direction for board in BOARDS if board.direction]
    directions = {row.code: row for row in Direction.objects.filter(plan=plan, code__in=codes)}
    boards: dict[str, Board] = {}
    for order, demo in enumerate(BOARDS):
        boards[demo.slug], _written = board_save(
            by=None,
            plan=plan,
            slug=demo.slug,
            values={
                "kind": Board.Kind.DIRECTION if demo.direction else Board.Kind.GENERAL,
                "direction": directions[demo.direction] if demo.direction else None,
                "title_it": demo.title_it,
                "title_en": demo.title_en,
                "description_it": demo.description_it,
                "description_en": demo.description_en,
                "order": order,
                "is_example": True,
            },
        )
    emails = {person.display_name: person.email for person in DEMO_PEOPLE}
    users = {
        user.email: user
        for user in get_user_model()._default_manager.filter(email__in=emails.values())
    }
    added = 0
    for demo in THREADS:
        board = boards[demo.board]
        if Thread.objects.filter(board=board, title=demo.title).exists():
            continue
        thread = thread_create(
            board=board,
            author=users[emails[demo.author]],
            title=demo.title,
            body=demo.body,
            is_example=True,
        )
        previous = thread.posts.get()
        for author, body, is_reply in demo.replies:
            previous = post_create(
                thread=thread,
                author=users[emails[author]],
                body=body,
                parent=previous if is_reply else None,
                is_example=True,
            )
        added += 1
    return added

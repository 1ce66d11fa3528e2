import factory

from ordito.participation import models
from tests.people.factories import UserFactory
from tests.plans.factories import PlanFactory


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Board

    plan = factory.SubFactory(PlanFactory)
    slug = factory.Sequence(lambda n: f"board-{n}")
    title = factory.Sequence(lambda n: f"Bacheca {n}")


class ThreadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Thread

    board = factory.SubFactory(BoardFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Discussione {n}")


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Post

    thread = factory.SubFactory(ThreadFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Messaggio numero {n}")
    body_html = factory.LazyAttribute(lambda post: f"<p>{post.body}</p>")


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Proposal

    plan = factory.SubFactory(PlanFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Proposta {n}")
    text = "Una proposta."


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Consultation

    plan = factory.SubFactory(PlanFactory)
    title = factory.Sequence(lambda n: f"Consultazione {n}")
    question = "Quali priorità?"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Statement

    consultation = factory.SubFactory(ConsultationFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Affermazione {n}")
    status = models.Statement.Status.SHOWN

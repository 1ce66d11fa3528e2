"""A participant's rows are in their data export, and deleting the account keeps what they wrote
(attributed to nobody) and their votes and supports (counted, unlinked)."""

import pytest

from ordito.participation.models import (
    ConsultationParticipant,
    Follow,
    Post,
    Proposal,
    Statement,
    Support,
    Thread,
    Vote,
)
from ordito.people import services as people
from tests.participation.factories import (
    PostFactory,
    ProposalFactory,
    StatementFactory,
    ThreadFactory,
)
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def participant():
    user = UserFactory()
    thread = ThreadFactory(author=user, title="Mobilità a Torino")
    PostFactory(thread=thread, author=user, body="Più tram in periferia")
    Follow.objects.create(thread=thread, user=user)
    proposal = ProposalFactory(author=user, title="Piste ciclabili")
    Support.objects.create(proposal=ProposalFactory(), user=user)
    statement = StatementFactory(author=user, text="Servono più autobus")
    voter = ConsultationParticipant.objects.create(consultation=statement.consultation, user=user)
    Vote.objects.create(
        statement=StatementFactory(consultation=statement.consultation), participant=voter, value=1
    )
    return user, proposal


def test_export_holds_what_the_participant_wrote_supported_and_voted(participant):
    user, _ = participant
    data = people.personal_data_export(user=user)
    assert [t["title"] for t in data["forum"]["threads"]] == ["Mobilità a Torino"]
    assert [p["body"] for p in data["forum"]["posts"]] == ["Più tram in periferia"]
    assert len(data["forum"]["following"]) == 1
    assert [p["title"] for p in data["proposals"]["proposals"]] == ["Piste ciclabili"]
    assert len(data["proposals"]["supports"]) == 1
    assert [s["text"] for s in data["consultations"]["statements"]] == ["Servono più autobus"]
    assert [v["vote"] for v in data["consultations"]["votes"]] == [1]


def test_account_deletion_keeps_contributions_unattributed_and_votes_counted(participant):
    user, proposal = participant
    pseudonym = ConsultationParticipant.objects.get(user=user).pseudonym
    people.account_delete(user=user)
    assert Thread.objects.get(title="Mobilità a Torino").author is None
    assert Post.objects.get(body="Più tram in periferia").author is None
    assert Proposal.objects.get(pk=proposal.pk).author is None
    assert Statement.objects.get(text="Servono più autobus").author is None
    assert not Follow.objects.exists()
    assert Support.objects.get().user is None
    vote = Vote.objects.select_related("participant").get()
    assert vote.participant.user is None
    assert vote.participant.pseudonym == pseudonym

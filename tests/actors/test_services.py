import pytest
from django.core.exceptions import ValidationError

from ordito.actors import services
from ordito.actors.models import Actor

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def test_actor_save_is_idempotent_and_validates_kind_and_website():
    values = {"name": "Politecnico di Torino", "kind": Actor.Kind.UNIVERSITY}
    actor, written = services.actor_save(by=None, key="polito", values=values)
    assert written
    assert services.actor_save(by=None, key="polito", values=values) == (actor, False)
    with pytest.raises(ValidationError) as caught:
        services.actor_save(
            by=None, key="other", values={"name": "X", "kind": "alien", "website": "not a url"}
        )
    assert {"kind", "website"} <= set(caught.value.message_dict)
    assert Actor.objects.count() == 1


def test_actor_save_membership_ending_before_it_starts_is_refused():
    import datetime

    with pytest.raises(ValidationError) as caught:
        services.actor_save(
            by=None,
            key="x",
            values={
                "name": "X",
                "kind": Actor.Kind.COMPANY,
                "member_since": datetime.date(2005, 1, 1),
                "member_until": datetime.date(2001, 1, 1),
            },
        )
    assert "membership" in str(caught.value)

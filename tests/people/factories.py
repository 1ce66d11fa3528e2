import factory
from django.contrib.auth import get_user_model

from ordito.people.models import Person


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.django.Password("a-long-enough-password")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Persona {n}")

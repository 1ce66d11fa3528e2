import factory

from ordito.territory.models import Municipality


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("istat_code",)

    istat_code = "001272"
    name = "Torino"
    province_code = "TO"
    region = "Piemonte"
    cadastral_code = "L219"

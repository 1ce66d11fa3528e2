import socket

import pytest

from ordito.territory.istat import istat_municipalities
from ordito.territory.models import Municipality
from ordito.territory.services import municipalities_load_istat

pytestmark = pytest.mark.django_db


def test_municipalities_load_istat_loads_the_312_of_the_metropolitan_city(monkeypatch):
    istat_municipalities.cache_clear()

    def refuse(*args, **kwargs):
        raise AssertionError("loading the ISTAT list tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert municipalities_load_istat() == 312
    assert Municipality.objects.count() == 312
    torino = Municipality.objects.get(istat_code="001272")
    assert (torino.name, torino.province_code, torino.region) == ("Torino", "TO", "Piemonte")
    assert Municipality.objects.get(name="Moncalieri").istat_code == "001156"


def test_municipalities_load_istat_twice_changes_nothing():
    municipalities_load_istat()
    Municipality.objects.filter(istat_code="001272").update(name="Turin")
    municipalities_load_istat()
    municipalities_load_istat()
    assert Municipality.objects.count() == 312
    assert Municipality.objects.get(istat_code="001272").name == "Torino"

"""Actors' descriptions in Italian and English; names are proper names and stay as they are."""

from modeltranslation.translator import TranslationOptions, translator

from ordito.actors.models import Actor


class ActorTranslation(TranslationOptions):
    fields = ("description",)


translator.register([Actor, Actor.history.model], ActorTranslation)

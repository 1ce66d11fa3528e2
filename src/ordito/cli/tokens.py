"""`ordito token create`: a personal API token for scripts and integrations."""

import click

from ordito.cli.plan_io import fail
from ordito.cli.site import django_setup


@click.group(name="token")
def token() -> None:
    """Personal access tokens for the REST API.

    \b
    Example:
      ordito token create ana@example.org --name "nightly report" --days 30
    """


@token.command(name="create", short_help="Print a new API token for a person.")
@click.argument("email")
@click.option("--name", default="command line", show_default=True, help="What the token is for.")
@click.option(
    "--days",
    type=int,
    default=90,
    show_default=True,
    help="Days until it expires (1 to 366).",
)
def token_create(email: str, name: str, days: int) -> None:
    """Create a token for the person whose account has the e-mail EMAIL and print it on
    standard output: it is shown this once, and only its hash is kept. Send it to the API as
    `Authorization: Bearer <token>`.

    \b
    Example:
      ordito token create ana@example.org --name "nightly report" --days 30
    """
    django_setup()
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from ordito.people.selectors import account_by_email
    from ordito.people.services import api_token_create

    user = account_by_email(email=email)
    if user is None:
        fail(2, f"no active account has the e-mail address {email!r}")
    try:
        with translation.override("en"):  # the command line speaks English, like its options
            created, text = api_token_create(user=user, name=name, days=days)
    except ValidationError as error:
        problems = [f"--{key}: {' '.join(texts)}" for key, texts in error.message_dict.items()]
        fail(2, "; ".join(problems))
    click.echo(text)
    click.echo(f"Token {created.name!r} expires on {created.expires_at:%Y-%m-%d}.", err=True)

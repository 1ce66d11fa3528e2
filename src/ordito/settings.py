"""The one settings module, read from the environment.

The defaults run `make demo` on a laptop: SQLite under `var/`, DEBUG on, a development key.
Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL; with DEBUG off and no
SECRET_KEY the site refuses to start.

Every mistake in the environment raises `ImproperlyConfigured` with a one-line message naming the
variable and what it expects; the `ordito` command prints that line alone and exits 2.
"""

import os
import re
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from ordito.core.languages import DEFAULT_LANGUAGE
from ordito.core.languages import LANGUAGES as CODED_LANGUAGES

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = Path(os.environ.get("ORDITO_HOME", PACKAGE_DIR.parent.parent))
VAR_DIR = Path(os.environ.get("ORDITO_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database(default: str) -> dict:
    """The database named by DATABASE_URL, e.g. postgres://USER:PASSWORD@HOST:5432/NAME."""
    url = os.environ.get("DATABASE_URL", default)
    conn_max_age = env_int("DATABASE_CONN_MAX_AGE", 60)
    try:
        return dj_database_url.parse(url, conn_max_age=conn_max_age, conn_health_checks=True)
    except dj_database_url.UnknownSchemeError:
        scheme = urlsplit(url).scheme
        reason = f"its scheme {scheme!r} is not a known database" if scheme else "it has no scheme"
    except ValueError:
        reason = "it cannot be read as a URL"
    # The URL itself is not repeated: it may hold a password.
    raise ImproperlyConfigured(
        f"DATABASE_URL must look like postgres://USER:PASSWORD@HOST:5432/NAME or "
        f"sqlite:///PATH, but {reason}."
    )


def release() -> str:
    """This release of Ordito: the installed package's version, then ORDITO_RELEASE if set (a git
    commit, a build number), e.g. "0.1.0" or "0.1.0+3f2a9c1"."""
    try:
        package = version("ordito")
    except PackageNotFoundError:  # run from a source tree that was never installed
        package = "0+unknown"
    extra = os.environ.get("ORDITO_RELEASE", "").strip()
    if not extra:
        return package
    if not re.fullmatch(r"[A-Za-z0-9._-]{1,64}", extra):
        raise ImproperlyConfigured(
            f"ORDITO_RELEASE must be 1 to 64 letters, digits, dots, dashes or underscores "
            f"(a git commit, a build number), not {extra!r}."
        )
    return f"{package}+{extra}"


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set and DEBUG is off: set SECRET_KEY to a long random string, "
            "e.g. SECRET_KEY=\"$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')\" "
            "(or DEBUG=true, for development only)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "modeltranslation",  # before django.contrib.admin, as its documentation requires
    "ordito.accounts.apps.AdminConfig",  # Django's admin, entered by a rule (accounts/admin_site.py)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",  # serves its Swagger UI from static files, not a CDN (strict CSP)
    "django_htmx",
    "template_partials",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "ordito.core",
    "ordito.territory",
    "ordito.actors",
    "ordito.plans",
    "ordito.people",
    "ordito.accounts",  # before allauth: its templates replace allauth's
    "ordito.analyses",
    "ordito.process",
    "ordito.participation",
    "ordito.monitoring",
    "ordito.interop",
    "ordito.api",
    "ordito.web",
    "allauth",
    "allauth.account",
    "allauth.mfa",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "ordito.accounts.middleware.StaffSecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "ordito.urls"
WSGI_APPLICATION = "ordito.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {"default": database(f"sqlite:///{VAR_DIR / 'ordito.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while a writer works; the timeout waits for a lock instead of failing.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

ORDITO_RELEASE = release()

# Background work (Django's tasks API): in the database by default, which needs no other server
# and works on SQLite; on Redis (RQ) when REDIS_URL is set. `ordito worker` runs the tasks.
if os.environ.get("REDIS_URL"):
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    RQ_QUEUES = {"default": {"URL": os.environ["REDIS_URL"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
CACHES = {
    "default": {
        **(
            {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": os.environ["REDIS_URL"],
            }
            if os.environ.get("REDIS_URL")
            else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        ),
        # Every key carries the release: after a deploy, app servers of the new release never
        # read what the old one cached (fragments rendered by old templates); its entries expire.
        "KEY_PREFIX": f"ordito:{ORDITO_RELEASE}",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts (django-allauth): people sign up and log in with their e-mail address, which they must
# confirm; the same answer comes whether an address is known or not; staff add a second factor
# (ordito.accounts.middleware). Sessions are kept in the database (Django's default), so that
# several app servers serve one site; allauth's rate limits count in the cache, Redis in
# production (REDIS_URL).
# ModelBackend first: force_login (tests) picks the first. Permissions are named predicates
# (django-rules, people/rules.py) asked through has_perm.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "rules.permissions.ObjectPermissionBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "web:home"  # a name: reversed in the language of the page
LOGOUT_REDIRECT_URL = "web:home"
ACCOUNT_LOGIN_METHODS = {"email"}
# No username is asked for: allauth makes one up from the address, for Django's user model.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_FORMS = {
    "signup": "ordito.accounts.forms.SignupForm",
    "add_email": "ordito.accounts.forms.AddEmailForm",
}
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CHANGE_EMAIL = True  # one address per person; a new one replaces it once confirmed
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_NOTIFICATIONS = True  # a notice when the password or the e-mail address changes
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Ordito] "
# allauth's default limits (ACCOUNT_RATE_LIMITS), e.g. 5 failed logins per address in 5 minutes.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Ordito"
# Pages where staff must have a second factor (ordito/accounts/staff.py says how to add one).
ACCOUNTS_STAFF_URL_NAMES = [
    "admin:*",
    "people:plan_roles",
    "people:plan_categories",
    "people:plan_affiliations",
    "people:plan_affiliation_decide",
]

LANGUAGE_CODE = DEFAULT_LANGUAGE
LANGUAGES = list(CODED_LANGUAGES)
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = DEFAULT_LANGUAGE
MODELTRANSLATION_FALLBACK_LANGUAGES = (DEFAULT_LANGUAGE,)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    ("vendor/bootstrap-italia", NODE_MODULES / "bootstrap-italia" / "dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org" / "dist"),
]
# Single files of npm packages whose dist/ is mostly what the site does not use (web/vendor_files.py).
VENDOR_FILES = {
    "vendor/echarts/echarts.min.js": NODE_MODULES / "echarts" / "dist" / "echarts.min.js",
}
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "ordito.web.vendor_files.VendorFilesFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# Security: the deployment checklist's settings, on whenever DEBUG is off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A strict policy: no inline scripts or styles anywhere; everything comes from this origin. Fonts
# alone may also come from data: URIs, which Bootstrap Italia's stylesheet embeds; a font runs no
# code, and scripts stay limited to this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Every message goes through the task queue (core/mail.py); the worker sends it with the real
# backend below.
EMAIL_BACKEND = "ordito.core.mail.QueuedEmailBackend"
ORDITO_MAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ordito@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for the links of e-mails sent outside a request (by the worker).
ORDITO_SITE_URL = os.environ.get("ORDITO_SITE_URL", "http://127.0.0.1:8000")
# The domain of the Message-IDs given to queued mail: that of the sender's address.
ORDITO_MAIL_DOMAIN = DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

NINJA_PAGINATION_PER_PAGE = 25
NINJA_PAGINATION_MAX_LIMIT = 100

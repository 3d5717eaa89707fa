"""Settings for the docket tracker, read from the environment (see .env.example).

With nothing set the app runs in development mode on embedded defaults: SQLite, a filesystem
Celery broker and e-mail written to files, all under ``var/``. Production sets ``DEBUG=false`` and
must then provide ``SECRET_KEY`` and ``ALLOWED_HOSTS``; a missing or malformed value stops start-up
with a message naming the variable.
"""

from __future__ import annotations

import os
from pathlib import Path

import csp.constants
import environ
from django.core.exceptions import ImproperlyConfigured

from tracker import config

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
# Variables may also come from a file (ENV_FILE, default .env); the environment wins.
ENV_FILE = Path(os.environ.get("ENV_FILE", str(BASE_DIR / ".env")))
if ENV_FILE.is_file():
    environ.Env.read_env(ENV_FILE)

VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))
# juriscraper (the PACER importer) opens a log file of its own when first imported and warns on
# stderr when the default one (/var/log/juriscraper/) cannot be made; give it one under VAR_DIR.
# cases.importers.pacer then sends its records through Django's logging instead.
(VAR_DIR / "log").mkdir(parents=True, exist_ok=True)
os.environ.setdefault("JURISCRAPER_LOG", str(VAR_DIR / "log" / "juriscraper.log"))
DEBUG = config.read_bool(env, "DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is false.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    if not DEBUG:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS must be set when DEBUG is false (comma-separated host names)."
        )
    ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "simple_history",
    "csp",
    "axes",
    "cases",
    "parties",
    "alerts",
    "demo",
    # The REST API (api/; README, "API").
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
]

# The security headers (SecurityMiddleware: Referrer-Policy, X-Content-Type-Options, HSTS;
# X-Frame-Options; the Content-Security-Policy) come first, so that every response carries them,
# the static files that WhiteNoise serves included.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# The benchmark's floor view /_bench/floor/ (cases/bench.py) and X-SQL-Queries header
# (tracker/query_count.py). Off by default; bench/pages.py sets BENCH_ENDPOINTS=1 for its server.
BENCH_ENDPOINTS = config.read_bool(env, "BENCH_ENDPOINTS", default=False)
if BENCH_ENDPOINTS:
    MIDDLEWARE.insert(0, "tracker.query_count.QueryCountMiddleware")

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            # A faster |date for plain dates (tracker/templatetags/fast_dates.py).
            "builtins": ["tracker.templatetags.fast_dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": config.database_config(
        env.str("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
    )
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Persistent connections: opening one costs PostgreSQL a process and Django a handshake on
# every request, most of a minimal page's time (docs/performance.md). The health check
# replaces a connection the server has dropped instead of failing the request.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # The development database: the covering indexes and NULLS NOT DISTINCT constraint are
    # PostgreSQL's (production); SQLite ignores them, as these two warnings say on every command.
    SILENCED_SYSTEM_CHECKS = ["models.W040", "models.W047"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sign-in: django-axes counts failed sign-ins per account (whatever address they come from) and
# per client address (tracker.security.client_ip), and locks either out for LOGIN_LOCKOUT_HOURS
# after LOGIN_FAILURE_LIMIT failures; a successful sign-in resets the count. Locks are logged
# (logger "axes", level WARNING) and listed in the admin under "Axes".
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = config.read_number(env, "LOGIN_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = config.read_number(env, "LOGIN_LOCKOUT_HOURS", 1.0, minimum=0.01, whole=False)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "tracker.security.client_ip"
AXES_USERNAME_CALLABLE = "tracker.security.client_username"  # cut to what its tables hold
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "tracker.security.locked_out"
# The log names the account and the address, for whoever reads it after an attack.
AXES_SENSITIVE_PARAMETERS: list[str] = []
AXES_VERBOSE = False  # no start-up line on every command; failures and locks are still logged
# Sessions last SESSION_DAYS (default 14) from the last sign-in; signing out ends them at once.
SESSION_COOKIE_AGE = config.read_number(env, "SESSION_DAYS", 14, minimum=1) * 24 * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "my-alerts"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en-us"
TIME_ZONE = config.time_zone(env.str("TIME_ZONE", default="UTC"))
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns about a missing folder
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = VAR_DIR / "media"

CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Built .ics bodies under a digest of their data (cases/calendar.py): per worker, at most
    # 40 of at most 512 KB each, so a worker never holds more than 20 MB of them.
    "calendars": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "calendars",
        "TIMEOUT": 6 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 40},
    },
    # The rendered motion-outcome tables of /analytics/ and the judge pages, under the summary's
    # refresh time and the page's query (templates/cases/analytics.html): a new refresh is a new
    # key; and the figures counted live for other filters (cases/analytics/live.py). Per worker,
    # at most 100 of about 50 KB; 10 minutes, so a renamed judge or court shows soon.
    "analytics": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "analytics",
        "TIMEOUT": 10 * 60,
        "OPTIONS": {"MAX_ENTRIES": 100},
    },
}
# Seconds a live count of /analytics/ (filters the stored groups do not answer) may take
# (PostgreSQL's statement_timeout); longer, and the page says so instead (cases/analytics/live.py).
ANALYTICS_LIVE_TIMEOUT = env.float("ANALYTICS_LIVE_TIMEOUT", default=10.0)

# The REST API (api/; README, "API"). API_PUBLIC=false: every read needs a token or a session.
# Requests per second, minute, hour or day: anonymous ones per address, signed-in ones per user.
API_PUBLIC = config.read_bool(env, "API_PUBLIC", default=True)
API_ANON_RATE = env.str("API_ANON_RATE", default="60/minute")
API_USER_RATE = env.str("API_USER_RATE", default="600/minute")
for _name in ("API_ANON_RATE", "API_USER_RATE"):
    _count, _, _unit = vars()[_name].partition("/")
    if not (_count.isdigit() and int(_count) > 0 and _unit in {"second", "minute", "hour", "day"}):
        raise ImproperlyConfigured(f"{_name} must be requests per second, minute, hour or day.")
# The schema's generator (the API's views set their own DRF classes: api/views/base.py); the
# docs pages' assets from our static files, not a CDN; the schema's title: api/schema.py.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    **dict.fromkeys(("SWAGGER_UI_DIST", "SWAGGER_UI_FAVICON_HREF", "REDOC_DIST"), "SIDECAR"),
    "POSTPROCESSING_HOOKS": ["api.schema.postprocess"],
}

# E-mail: SMTP (or any django-environ scheme) from EMAIL_URL, else files under var/mail/.
if env.str("EMAIL_URL", default=""):
    vars().update(config.email_config(env.str("EMAIL_URL")))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"
# A stalled mail server must not hold a sender past its claim lease.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Docket tracker <alerts@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# CourtListener (cases.importers.courtlistener): a beat task syncs the cases linked to a
# CourtListener docket every COURTLISTENER_SYNC_MINUTES, and docket-alert webhooks bring new
# entries in between. No token: the sync is off. No webhook secret: the endpoint answers 404.
COURTLISTENER_TOKEN = env.str("COURTLISTENER_TOKEN", default="")
COURTLISTENER_API_URL = env.str(
    "COURTLISTENER_API_URL", default="https://www.courtlistener.com/api/rest/v4/"
)
if not COURTLISTENER_API_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(
        f"COURTLISTENER_API_URL {COURTLISTENER_API_URL!r} is not an http(s) address; expected "
        "https://www.courtlistener.com/api/rest/v4/."
    )
if not COURTLISTENER_API_URL.endswith("/"):
    COURTLISTENER_API_URL += "/"
COURTLISTENER_WEBHOOK_SECRET = env.str("COURTLISTENER_WEBHOOK_SECRET", default="")
try:
    COURTLISTENER_TIMEOUT = env.float("COURTLISTENER_TIMEOUT", default=20.0)
except ValueError:
    COURTLISTENER_TIMEOUT = 0.0
if not 0 < COURTLISTENER_TIMEOUT < float("inf"):
    raise ImproperlyConfigured("COURTLISTENER_TIMEOUT must be a number of seconds above 0.")
try:
    COURTLISTENER_SYNC_MINUTES = env.int("COURTLISTENER_SYNC_MINUTES", default=60)
except ValueError:
    COURTLISTENER_SYNC_MINUTES = 0
if COURTLISTENER_SYNC_MINUTES < 1:
    raise ImproperlyConfigured("COURTLISTENER_SYNC_MINUTES must be a whole number above 0.")

# Celery: Redis from REDIS_URL, else kombu's filesystem transport under var/celery/.
REDIS_URL = config.redis_url(env.str("REDIS_URL")) if env.str("REDIS_URL", default="") else ""
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {}
    # A prefix for every key the broker writes, to share one Redis database with others.
    if env.str("REDIS_KEY_PREFIX", default=""):
        CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] = env.str("REDIS_KEY_PREFIX")
else:
    # A host name, though the transport has none: without one kombu warns on every connection.
    CELERY_BROKER_URL = "filesystem://localhost/"
    _queue_dir = VAR_DIR / "celery" / "queue"
    _queue_dir.mkdir(parents=True, exist_ok=True)
    (VAR_DIR / "celery" / "processed").mkdir(parents=True, exist_ok=True)
    (VAR_DIR / "celery" / "control").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue_dir),
        "data_folder_out": str(_queue_dir),
        "processed_folder": str(VAR_DIR / "celery" / "processed"),
        "store_processed": False,
        "polling_interval": 0.2,
        "control_folder": str(VAR_DIR / "celery" / "control"),
    }
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A publish to an unreachable broker gives up after about a second instead of blocking the
# request; the alerts sweep delivers what could not be queued.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5}
CELERY_BEAT_SCHEDULE = {
    "alerts-reminders": {"task": "alerts.tasks.scan_reminders", "schedule": 15 * 60},
    "alerts-digests": {"task": "alerts.tasks.send_digests", "schedule": 10 * 60},
    "alerts-sweep": {"task": "alerts.tasks.sweep", "schedule": 2 * 60},
    # Does nothing while COURTLISTENER_TOKEN is unset.
    "cases-courtlistener-sync": {
        "task": "cases.tasks.courtlistener_sync",
        "schedule": COURTLISTENER_SYNC_MINUTES * 60,
    },
    # The motion-outcome analytics' summary (also recounted after each ruling is recorded).
    "cases-analytics-refresh": {"task": "cases.tasks.analytics_refresh", "schedule": 30 * 60},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Alerts
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
ALERTS_CLAIM_LEASE_SECONDS = env.int("ALERTS_CLAIM_LEASE_SECONDS", default=300)
ALERTS_MAX_ATTEMPTS = env.int("ALERTS_MAX_ATTEMPTS", default=8)
ALERTS_RETRY_BASE_SECONDS = env.float("ALERTS_RETRY_BASE_SECONDS", default=30.0)
ALERTS_SWEEP_SETTLE_SECONDS = env.int("ALERTS_SWEEP_SETTLE_SECONDS", default=60)
# /healthz (alerts/health.py) fails when no scheduled task finished for this long (the sweep
# runs every 2 minutes), or when a notification has waited this long to be sent.
HEALTH_BEAT_MAX_AGE_SECONDS = config.read_number(env, "HEALTH_BEAT_MAX_AGE_SECONDS", 600, minimum=1)
HEALTH_UNSENT_MAX_AGE_SECONDS = config.read_number(
    env, "HEALTH_UNSENT_MAX_AGE_SECONDS", 1800, minimum=1
)
ALERTS_SWEEP_MAX_AGE_SECONDS = env.int("ALERTS_SWEEP_MAX_AGE_SECONDS", default=2 * 24 * 3600)

# Security headers on every response, in development too.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script of the site reads it; forms carry the token
# Content-Security-Policy (django-csp): scripts, styles, images and fonts from this site only;
# no inline script or style, no plugins, no framing, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.constants.SELF],
        "script-src": [csp.constants.SELF],
        "style-src": [csp.constants.SELF],
        "img-src": [csp.constants.SELF, "data:"],
        "font-src": [csp.constants.SELF],
        "connect-src": [csp.constants.SELF],
        "object-src": [csp.constants.NONE],
        "base-uri": [csp.constants.NONE],
        "frame-ancestors": [csp.constants.NONE],
        "form-action": [csp.constants.SELF],
    }
}

# Production (README, "Deploying"): HTTPS behind a proxy that sets X-Forwarded-Proto.
if not DEBUG:
    SESSION_COOKIE_SECURE = config.read_bool(env, "SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # The proxy in front must set X-Forwarded-Proto itself (overwriting what a client sent);
    # SECURE_PROXY_SSL_HEADER=false when the app terminates TLS itself or has no proxy.
    if config.read_bool(env, "SECURE_PROXY_SSL_HEADER", default=True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = config.read_bool(env, "SECURE_SSL_REDIRECT", default=True)
    # Monitors may ask over plain HTTP from inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = config.read_number(env, "SECURE_HSTS_SECONDS", 31536000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = config.read_bool(
        env, "SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True
    )
    SECURE_HSTS_PRELOAD = config.read_bool(env, "SECURE_HSTS_PRELOAD", default=False)

# Logs go to standard error: plain lines, or one JSON object per line with LOG_FORMAT=json. The
# alert delivery attempts (logger alerts.delivery.attempts) are JSON whatever LOG_FORMAT says,
# with the notification, user, case, attempt, outcome, error and duration as fields.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"}
        | ({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        "json": {"class": "logging.StreamHandler", "formatter": "json"},
    },
    "loggers": {
        "alerts.delivery.attempts": {"handlers": ["json"], "level": "INFO", "propagate": False},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def _ensure_pg_trgm(env):
    """Create pg_trgm when the database user may; return whether it is available."""
    cr = env.cr
    cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if cr.fetchone():
        return True
    try:
        with cr.savepoint(flush=False):
            cr.execute(SQL("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except Exception as error:  # noqa: BLE001 - any failure means "not available"
        _logger.warning(
            "it_service_desk: pg_trgm could not be created (%s); duplicate and knowledge "
            "search fall back to plain ILIKE matching without similarity ranking. Ask the "
            "database administrator to run CREATE EXTENSION pg_trgm.",
            error,
        )
        return False
    return True


def pre_init_hook(env):
    if _ensure_pg_trgm(env):
        # let the registry create the GIN trigram indexes of index="trigram" fields
        env.registry.has_trigram = True


def post_init_hook(env):
    if not _ensure_pg_trgm(env):
        _logger.warning("it_service_desk installed without trigram indexes.")
        return
    env["it.ticket"]._tune_trigram_indexes()

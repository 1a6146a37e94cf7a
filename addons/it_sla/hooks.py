def post_init_hook(env):
    """Tickets already open when the module is installed get their timers."""
    tickets = env["it.ticket"].search(
        [("state", "in", ["new", "in_progress", "dispatched", "waiting"])]
    )
    tickets._sla_rematch()
    tickets._sla_apply()

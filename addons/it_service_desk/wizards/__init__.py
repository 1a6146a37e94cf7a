from . import (
    it_callback_wizard,
    it_major_incident_update_wizard,
    it_ticket_dispatch_wizard,
    it_ticket_merge_wizard,
    it_ticket_redirect_wizard,
)

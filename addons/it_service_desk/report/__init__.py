from . import it_ticket_report

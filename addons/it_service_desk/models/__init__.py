from . import it_stage, it_team, it_ticket

from . import it_sla_policy

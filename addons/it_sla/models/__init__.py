from . import (
    it_sla_escalation,
    it_sla_line,
    it_sla_pause,
    it_sla_policy,
    it_sla_priority_matrix,
    it_stage,
    it_ticket,
)

from . import (
    it_business_system,
    it_category,
    it_downtime_notice,
    it_knowledge_article,
    it_major_incident,
    it_problem,
    it_region,
    it_stage,
    it_team,
    it_ticket,
    res_partner,
)

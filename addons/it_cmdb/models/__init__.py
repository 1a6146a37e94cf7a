from . import (
    it_change,
    it_change_ci_update,
    it_ci,
    it_ci_class,
    it_ci_issuance,
    it_ci_location,
    it_ci_relation,
    it_major_incident,
    it_problem,
    it_ticket,
    res_company,
    res_config_settings,
)

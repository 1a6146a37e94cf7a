from . import (
    care_script,
    care_script_step,
    care_script_version,
    care_script_mixin,
    care_team,
    care_checklist,
    care_evaluation,
    care_script_compliance,
    care_interaction,
    ir_module,
)

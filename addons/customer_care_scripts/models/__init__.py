from . import (
    care_checklist,
    care_evaluation,
    care_interaction,
    care_script,
    care_script_compliance,
    care_script_mixin,
    care_script_step,
    care_script_version,
    care_team,
    ir_module,
)

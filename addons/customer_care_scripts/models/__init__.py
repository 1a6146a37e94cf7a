# isort: skip_file
# order matters: the mixin before the models inheriting it
from . import care_script
from . import care_script_step
from . import care_script_version
from . import care_script_mixin
from . import care_team
from . import care_checklist
from . import care_evaluation
from . import care_script_compliance
from . import care_interaction
from . import ir_module

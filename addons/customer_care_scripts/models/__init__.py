from . import care_script, care_script_mixin, care_script_step

from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        # translation files write the JSONB columns directly: let the current script
        # versions follow the freshly loaded translations of their scripts
        self.env["care.script"]._care_sync_version_translations()
        return result

import re

from odoo.modules.module import get_module_path
from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import PoFileReader

PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{[^}]*\}\}")


@tagged("post_install", "-at_install")
class TestI18n(TransactionCase):
    def _read(self, lang):
        path = f"{get_module_path('it_service_desk')}/i18n/{lang}.po"
        with open(path, "rb") as po:
            return {row["src"]: row["value"] for row in PoFileReader(po) if row["value"]}

    def test_translations_complete_and_safe(self):
        expected = {
            "zh_CN": {
                "Callback Queue": "回访队列",
                "Major Incidents": "重大故障",
                "Planned Downtime": "计划停机",
            },
            "zh_TW": {
                "Callback Queue": "回訪隊列",
                "Major Incidents": "重大故障",
                "Planned Downtime": "計劃停機",
            },
        }
        for lang, samples in expected.items():
            terms = self._read(lang)
            self.assertGreater(len(terms), 500, lang)
            for source, value in samples.items():
                self.assertEqual(terms.get(source), value, f"{lang}: {source}")
            for source, value in terms.items():
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(source)),
                    sorted(PLACEHOLDER.findall(value)),
                    f"{lang}: placeholders of {source!r}",
                )

    def test_loaded_translation_used_in_messages(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["it_service_desk"], ["zh_CN"], overwrite=True
        )
        stage = self.env.ref("it_service_desk.stage_dispatched").with_context(lang="zh_CN")
        self.assertEqual(stage.name, "已派后台")

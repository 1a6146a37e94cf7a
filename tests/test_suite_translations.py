"""zh_CN and zh_TW ship complete: every term Odoo exports for a module of the suite
(menus, actions, fields, selections, views, errors in code, reports, mail templates,
scripts) has a translation in the module's zh_CN.po and zh_TW.po, and a Chinese user
sees the apps in Chinese."""

import re
from pathlib import Path

import polib

from odoo.tests import new_test_user
from odoo.tools.translate import TranslationModuleReader

from .common import SuiteTransactionCase

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["customer_care_scripts", "it_service_desk", "it_sla", "it_cmdb", "retail_counter"]
LANGS = ("zh_CN", "zh_TW")
CJK = re.compile(r"[\u3400-\u9fff]")
# a phrase of two or more English words must not be shipped untranslated
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")
# markup, placeholders and entities are not words a translator translates
MARKUP = re.compile(
    r"<[^>]+>|%\([a-z_]+\)[sd]|\{\{[^}]*\}\}|\{[a-z_]+\}|%[sd]|&[a-z]+;|https?://\S+"
)


def needs_chinese(msgid):
    return bool(ENGLISH_PHRASE.search(MARKUP.sub(" ", msgid)))


def po_catalog(path):
    """msgid -> msgstr of the reviewed (non-obsolete, non-fuzzy) entries of a .po file."""
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if not entry.obsolete and "fuzzy" not in entry.flags
    }


class TestSuiteTranslations(SuiteTransactionCase):
    def _terms(self, module):
        reader = TranslationModuleReader(self.env.cr, modules=[module])
        # the reader yields (module, type, name, res_id, source, value, comments)
        return {row[4] for row in reader if row[0] == module and row[4]}

    def test_helpers_can_fail(self):
        """The checks below flag what they must (and the reader finds terms)."""
        self.assertTrue(needs_chinese("Bag Deposit"))
        self.assertTrue(needs_chinese("<b>Lost item</b> %(name)s registered"))
        self.assertFalse(needs_chinese("CRM"))
        self.assertFalse(needs_chinese("%(ref)s"))
        self.assertGreater(len(self._terms("it_service_desk")), 50)

    def test_po_files_cover_every_term(self):
        problems = []
        for module in MODULES:
            terms = self._terms(module)
            self.assertTrue(terms, f"{module} exports no term")
            for lang in LANGS:
                path = ROOT / "addons" / module / "i18n" / f"{lang}.po"
                if not path.is_file():
                    problems.append(f"{module} {lang}: {path} is missing")
                    continue
                catalog = po_catalog(path)
                missing = sorted(t for t in terms if not catalog.get(t, "").strip())
                english = sorted(
                    t
                    for t in terms
                    if t not in missing and needs_chinese(t) and not CJK.search(catalog[t])
                )
                if missing:
                    problems.append(
                        f"{module} {lang}: {len(missing)}/{len(terms)} terms untranslated, "
                        f"e.g. {missing[:5]}"
                    )
                if english:
                    problems.append(
                        f"{module} {lang}: {len(english)} terms left in English, e.g. {english[:5]}"
                    )
        self.assertFalse(problems, "\n".join(problems))

    def test_chinese_users_see_apps_in_chinese(self):
        roots = {m: self.env.ref(f"{m}.{m}_menu_root") for m in MODULES}
        # every group of the suite, so that every menu of the five apps is visible
        groups = self.env["ir.model.data"].search(
            [("module", "in", MODULES), ("model", "=", "res.groups")]
        )
        group_xmlids = ",".join(f"{d.module}.{d.name}" for d in groups)
        for lang in LANGS:
            self.env["res.lang"]._activate_lang(lang)
            self.env["ir.module.module"].search([("name", "in", MODULES)])._update_translations(
                filter_lang=lang, overwrite=True
            )
            user = new_test_user(
                self.env,
                login=f"chinese_{lang.lower()}",
                groups=f"base.group_user,{group_xmlids}",
                lang=lang,
            )
            self.assertEqual(user.lang, lang)
            menus = self.env["ir.ui.menu"].with_user(user).with_context(lang=lang)
            visible = menus.load_menus(debug=False)
            english = []
            for module, root in roots.items():
                self.assertIn(root.id, visible["root"]["children"], f"{module} app hidden")
                todo = [root.id]
                while todo:
                    menu = visible[todo.pop()]
                    todo += menu["children"]
                    if not CJK.search(menu["name"]):
                        english.append(f"{module}: {menu['name']}")
            self.assertFalse(english, f"{lang} user sees menus in English: {english}")

from . import controllers, models, wizards


def uninstall_hook(env):
    """Member card invoices stay in accounting after an uninstall: keep their product
    (forget its XML id so that the uninstall does not try to delete it)."""
    env["ir.model.data"].search(
        [
            ("module", "=", "retail_counter"),
            ("name", "in", ["product_member_card", "product_member_card_product_template"]),
        ]
    ).unlink()

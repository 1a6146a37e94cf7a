/** Issue a PC in stock to a holder from its form (used by tests/test_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_cmdb_issue_tour", {
    url: "/odoo/action-it_cmdb.it_ci_action",
    steps: () => [
        {
            content: "Find the tour laptop",
            trigger: ".o_searchview_input",
            run: "edit Tour Laptop",
        },
        {
            content: "Search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open it",
            trigger: ".o_data_row td:contains('Tour Laptop')",
            run: "click",
        },
        {
            content: "It is in stock",
            trigger: ".o_statusbar_status [aria-checked='true']:contains('In Stock')",
        },
        {
            content: "Issue it",
            trigger: "button[name='action_issue']",
            run: "click",
        },
        {
            content: "Pick the holder",
            trigger: ".modal div[name='partner_id'] input",
            run: "edit Tour Holder",
        },
        {
            content: "Select the holder",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Holder')",
            run: "click",
        },
        {
            content: "No PDF in this test",
            trigger: ".modal div[name='print_form'] input",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The item is issued to the holder",
            trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status [aria-checked='true']:contains('Issued')",
        },
        {
            content: "The holder shows on the form",
            trigger: "div[name='holder_partner_id']:contains('Tour Holder')",
        },
    ],
});

/** The script panel of a form and the tick dialog (used by tests/test_care_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("customer_care_scripts_interaction_tour", {
    url: "/odoo/action-customer_care_scripts.care_interaction_action",
    steps: () => [
        {
            content: "Open the interaction of the tour customer",
            trigger: ".o_data_row td:contains('Tour Customer')",
            run: "click",
        },
        {
            content: "The script is filled with the customer's data",
            trigger: ".o_care_script:contains('Tour Customer, your phone is 020-7654321, is that right?')",
        },
        {
            content: "The first step is next",
            trigger: ".alert-info:contains('Welcome to the tour, how may I help you?')",
        },
        {
            content: "Open the tick dialog",
            trigger: "button[name='action_care_script_compliance']",
            run: "click",
        },
        {
            content: "Tick all steps",
            trigger: ".modal button[name='action_mark_all_done']",
            run: "click",
        },
        {
            content: "Every mandatory step is done: the next-step box is gone",
            trigger: ".o_form_view:not(:has(.modal)):not(:has(.alert-info:contains('Welcome to the tour')))",
        },
    ],
});

/** Member card at the counter: fill in, read back, issue (used by
 * tests/test_counter_flows_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_counter_membership_tour", {
    url: "/odoo/action-retail_counter.counter_membership_application_action",
    steps: () => [
        {
            content: "A customer asks for a member card",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour Member",
        },
        {
            trigger: ".o_field_widget[name=identity_number] input",
            run: "edit 110105198001015678",
        },
        {
            trigger: ".o_field_widget[name=home_phone] input",
            run: "edit 020-55501234",
        },
        {
            trigger: ".o_field_widget[name=street] input",
            run: "edit 8 Tour Road",
        },
        {
            trigger: ".o_field_widget[name=city] input",
            run: "edit Guangzhou",
        },
        {
            content: "The customer shows the home phone bill",
            trigger: ".o_field_widget[name=phone_bill_shown] input",
            run: "click",
        },
        {
            content: "The sentence to read back is shown",
            trigger: ".o_form_view .alert-warning:contains(your phone is 020-55501234 and your address is 8 Tour Road, Guangzhou)",
        },
        {
            content: "Read the data back to the customer",
            trigger: ".o_form_view button[name=action_read_back]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Read Back)",
        },
        {
            content: "Issue the card",
            trigger: ".o_form_view button[name=action_issue]",
            run: "click",
        },
        {
            content: "The card is issued",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Card Issued)",
        },
        {
            content: "with its card number",
            trigger: ".o_form_view div[name=card_number]:contains(8800)",
        },
        {
            content: "and the identity number is masked",
            trigger: ".o_form_view div[name=identity_number]:contains(5678):not(:contains(19800101))",
        },
    ],
});

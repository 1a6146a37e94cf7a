/** Bag storage at the counter: deposit with the script, pick-up against the tag
 * (used by tests/test_counter_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_counter_bag_tour", {
    url: "/odoo/action-retail_counter.counter_bag_deposit_action",
    steps: () => [
        {
            content: "Take a new bag",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the locker by its tag number",
            trigger: ".o_field_widget[name=locker_id] input",
            run: "edit TOUR1",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('TOUR1')",
            run: "click",
        },
        {
            content: "The customer's name",
            trigger: ".o_field_widget[name=customer_name] input",
            run: "edit Tour Lady",
        },
        {
            content: "The script tells what to say about valuables",
            trigger: ".alert-info:contains('Tour: keep your valuables with you')",
        },
        {
            content: "Valuables warning given",
            trigger: ".o_field_widget[name=valuables_warned] input",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Pick up",
            trigger: ".o_form_saved button[name=action_open_pickup]",
            run: "click",
        },
        {
            content: "Type the tag the customer shows",
            trigger: ".modal .o_field_widget[name=presented_tag] input",
            run: "edit TOUR1",
        },
        {
            content: "Hand over",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The bag is picked up",
            trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status button[aria-checked=true]:contains('Picked Up')",
        },
    ],
});

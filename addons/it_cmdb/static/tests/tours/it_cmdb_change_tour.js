/** A standard change proposes a CMDB update, is implemented, and the item is updated
 * (used by tests/test_change_tour.py, which opens the tour on the draft change). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("it_cmdb_change_tour", {
    steps: () => [
        {
            content: "The change is a draft",
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Draft)",
        },
        {
            content: "Propose the CMDB update",
            trigger: ".o_notebook .nav-link:contains(CMDB Updates)",
            run: "click",
        },
        {
            trigger: "div[name=update_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: "div[name=update_ids] .o_selected_row div[name=ci_id] input",
            run: "edit Tour Server",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Server)",
            run: "click",
        },
        {
            content: "The serial number changes with the new disk controller",
            trigger: "div[name=update_ids] .o_selected_row div[name=field_name] select",
            run: "select \"serial\"",
        },
        {
            trigger: "div[name=update_ids] .o_selected_row div[name=new_value] input",
            run: "edit SN-NEW-42",
        },
        {
            content: "Submit: a standard change is pre-approved",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(Approved)",
        },
        {
            content: "Implement it",
            trigger: ".o_form_view button[name=action_start]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_statusbar_status [aria-checked=true]:contains(In Progress)",
        },
        {
            content: "Complete it",
            trigger: ".o_form_view button[name=action_done]",
            run: "click",
        },
        {
            content: "Confirm the CMDB updates are applied",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The change is done",
            trigger: ".o_form_view:not(:has(.modal)) .o_statusbar_status [aria-checked=true]:contains(Done)",
        },
        {
            trigger: ".o_notebook .nav-link:contains(CMDB Updates)",
            run: "click",
        },
        {
            content: "The update is applied and keeps the old serial",
            trigger:
                "div[name=update_ids] .o_data_row:contains(SN-OLD-1):contains(SN-NEW-42) td[name=applied] input:checked",
        },
    ],
});

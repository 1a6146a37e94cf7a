/** Lost and found at the counter: register a found item, then the owner claims it
 * (used by tests/test_counter_flows_tour.py). */
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("retail_counter_lost_item_tour", {
    url: "/odoo/action-retail_counter.counter_lost_item_action",
    steps: () => [
        {
            content: "Register a found item",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: "edit Tour black umbrella",
        },
        {
            trigger: ".o_field_widget[name=features] textarea",
            run: "edit Red wooden handle",
        },
        {
            trigger: ".o_field_widget[name=found_place] input",
            run: "edit Checkout 3",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The item is held at the counter",
            trigger: ".o_form_saved .o_statusbar_status [aria-checked=true]:contains(Held)",
        },
        {
            content: "The owner comes back: claim",
            trigger: ".o_form_view button[name=action_open_claim]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=description] textarea",
            run: "edit Black umbrella, red wooden handle",
        },
        {
            trigger: ".modal .o_field_widget[name=claimant_name] input",
            run: "edit Tour Owner",
        },
        {
            trigger: ".modal .o_field_widget[name=document_number] input",
            run: "edit 110105198001011234",
        },
        {
            content: "The owner signs",
            trigger: ".modal .o_field_widget[name=signature] .o_signature",
            run: "click",
        },
        {
            content: "Draw the signature on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run(helpers) {
                const canvas = helpers.anchor;
                const box = canvas.getBoundingClientRect();
                const pointer = (type, x, y, target = canvas) =>
                    target.dispatchEvent(
                        new PointerEvent(type, {
                            bubbles: true,
                            clientX: box.left + x,
                            clientY: box.top + y,
                            pointerId: 1,
                            pointerType: "mouse",
                            isPrimary: true,
                            buttons: type === "pointerup" ? 0 : 1,
                        })
                    );
                pointer("pointerdown", 30, 40);
                for (let i = 1; i <= 10; i++) {
                    pointer("pointermove", 30 + i * 20, 40 + (i % 2) * 30);
                }
                pointer("pointerup", 230, 40, canvas.ownerDocument);
            },
        },
        {
            trigger: ".modal .modal-footer button.btn-primary:contains(Adopt & Sign):enabled",
            run: "click",
        },
        {
            content: "Hand the item back",
            trigger: ".modal:not(:has(.o_web_sign_name_and_signature)) button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The item is claimed",
            trigger:
                ".o_form_view:not(:has(.modal)) .o_statusbar_status [aria-checked=true]:contains(Claimed)",
        },
        {
            trigger: ".o_notebook .nav-link:contains(Claim)",
            run: "click",
        },
        {
            content: "Only the last digits of the identity document are kept",
            trigger: ".o_form_view div[name=claim_document]:contains(1234):not(:contains(19800101))",
        },
    ],
});

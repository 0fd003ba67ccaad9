package org.govflow.workplan;

/**
 * An action of a work plan as other modules read it.
 *
 * @param ref its stable reference in the plan (2.1.1-B3)
 * @param partner the partner its heading names (reinforced through a partnership), or null
 * @param text what the action is, emphasis markers removed
 * @param ownerBody the body that owns it, or null
 */
public record WorkPlanAction(
    long id, int year, String ref, String partner, String text, String ownerBody) {}

package org.govflow.workplan.internal;

/**
 * An action of a work plan as read from its document: its reference ({@code 2.1.1-B3}), the section
 * it belongs to, its kind, the partner named by its heading, its text (emphasis markers kept,
 * sub-items as lines starting with "- "), the owner body a CSV may name, and the line it starts on.
 */
record PlanAction(
    String ref,
    String section,
    ActionKind kind,
    String partner,
    String text,
    String ownerBody,
    int line) {}

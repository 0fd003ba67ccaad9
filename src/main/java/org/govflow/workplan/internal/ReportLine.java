package org.govflow.workplan.internal;

/**
 * What an owner body reports on one of its actions for a period.
 *
 * @param progress 0-100
 * @param proposal the status the focal point proposes (dropped and done are followed by the rule
 *     table), or null
 * @param slipDays how many days the action's milestone slipped, 0 if none
 * @param done what was done
 * @param evidence a link, or a document id of the documents module
 */
record ReportLine(
    String ref, int progress, String proposal, int slipDays, String done, String evidence) {}

/**
 * The decision register: every decision of every process, append-only and hash-chained, with the
 * votes, the rule applied and the document version decided on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package org.govflow.decisions;

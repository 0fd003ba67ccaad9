/**
 * Work plan monitoring: the organisation's work plan imported from its own document (chapters,
 * sections, basic, reinforced and partner-reinforced actions), owner bodies and focal points,
 * status from validated quarterly reports, and links from actions to what serves them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Work plan")
package org.govflow.workplan;

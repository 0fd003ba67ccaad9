/**
 * Time in the organisation's terms: a business calendar (working days, holidays, the secretariat's
 * time zone), a due date for every user task from a policy in config, reminders and escalations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deadlines")
package org.govflow.deadlines;

/**
 * The task inbox and process launching: what a person may start, their tasks and their bodies'
 * tasks, claiming, delegating, completing with validation, comments, and who may see what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package org.govflow.inbox;

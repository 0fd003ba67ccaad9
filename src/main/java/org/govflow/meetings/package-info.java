/**
 * Statutory meetings: convocation under the notice rule, the agenda, attendance and proxies,
 * quorum, decisions per agenda item and the minutes (process 1, bpmn/statutory-meeting.bpmn).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.govflow.meetings;

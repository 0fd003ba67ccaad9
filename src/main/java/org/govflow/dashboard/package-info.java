/** The leadership dashboard: running processes, overdue work, cycle times, upcoming deadlines. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package org.govflow.dashboard;

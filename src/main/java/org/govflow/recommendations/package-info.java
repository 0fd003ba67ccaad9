/**
 * Policy Council recommendations: drafting, co-chair review, consultation of Sections, council
 * vote, Presidency endorsement and the World Council's decision (process policy-recommendation).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Recommendations")
package org.govflow.recommendations;

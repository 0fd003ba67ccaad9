/**
 * Partner MoUs: the register of memoranda of understanding with the directory's partner bodies,
 * their terms and documents, and their renewal (process mou-renewal), which starts by itself a lead
 * time before the opt-out notice date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partnerships")
package org.govflow.partnerships;

/**
 * Declaration co-creation (process declaration-cocreation): a text of numbered paragraphs with
 * stable ids, rounds of amendments by contributor groups, the drafting committee's dispositions,
 * deterministic versions with their SHA-256, translations keeping the paragraph ids, validation and
 * adoption by the General Assembly.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Declarations")
package org.govflow.declaration;

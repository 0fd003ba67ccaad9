/** Layout, navigation, error pages, security and languages: what every page shares. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package org.govflow.web;

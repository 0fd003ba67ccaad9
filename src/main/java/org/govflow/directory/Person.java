package org.govflow.directory;

import java.time.ZoneId;
import java.util.Locale;

/** A person in the directory, with the language and time zone everything they read is shown in. */
public record Person(
    String id, String name, String email, Locale language, ZoneId timeZone, boolean admin) {}
